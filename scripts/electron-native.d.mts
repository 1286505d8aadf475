export function electronSqliteBinding(): string;
