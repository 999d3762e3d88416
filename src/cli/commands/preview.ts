import type { Command } from 'commander';
import type { CommandContext } from '../context.js';

// Placeholder: the `preview` command is being written.
export function registerPreview(_program: Command, _context: CommandContext): void {}
