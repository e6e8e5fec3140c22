using System.CommandLine;

namespace Riposte.Cli;

/// <summary>Options every subcommand shares, and the console it writes to.</summary>
public sealed class CliGlobals(CliConsole console)
{
    public CliConsole Console { get; } = console;

    public Option<string?> Db { get; } = new("--db")
    {
        Description = $"The store: a SQLite file path or a postgres:// URL (default: ${StoreLocation.EnvironmentVariable}, else a file in your data folder)",
        Recursive = true,
    };

    public string DbPath(ParseResult parse) => StoreLocation.Resolve(parse.GetValue(Db));

    /// <summary>The store's location as a message may show it: a PostgreSQL password replaced by ***.</summary>
    public string DbForDisplay(ParseResult parse) => Riposte.Storage.Postgres.PostgresLocation.Redact(DbPath(parse));
}
