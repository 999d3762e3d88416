import type { Command } from 'commander';
import type { CommandContext } from '../context.js';

// Placeholder: the `report` command is being written.
export function registerReport(_program: Command, _context: CommandContext): void {}
