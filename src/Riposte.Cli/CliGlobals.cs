using System.CommandLine;

namespace Riposte.Cli;

/// <summary>Options every subcommand shares, and the console it writes to.</summary>
public sealed class CliGlobals(CliConsole console)
{
    public CliConsole Console { get; } = console;

    public Option<string?> Db { get; } = new("--db")
    {
        Description = $"The store: a SQLite file path (default: ${StoreLocation.EnvironmentVariable}, else a file in your data folder)",
        Recursive = true,
    };

    public string DbPath(ParseResult parse) => StoreLocation.Resolve(parse.GetValue(Db));
}
