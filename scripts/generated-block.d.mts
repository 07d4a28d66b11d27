/** Writes `content` into the `<!-- generated:NAME -->` block of a repository file. */
export function writeGeneratedBlock(file: string, name: string, content: string): void
