import type { Command } from 'commander';
import type { CommandContext } from '../context.js';

// Placeholder: the `xliff` command is being written.
export function registerXliff(_program: Command, _context: CommandContext): void {}
