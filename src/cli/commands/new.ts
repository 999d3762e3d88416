import type { Command } from 'commander';
import type { CommandContext } from '../context.js';

// Placeholder: the `new` command is being written.
export function registerNew(_program: Command, _context: CommandContext): void {}
