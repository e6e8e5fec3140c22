using System.CommandLine;
using Riposte.Web;

namespace Riposte.Cli.Commands.Analytics;

/// <summary>
/// Where ingested posts live: always a SQLite working file. Posts are one analyst's raw evidence, not shared
/// node state, so a node on PostgreSQL keeps them in a local file named by <c>--posts</c>; its findings go to
/// the node's store like any other STIX. A SQLite node keeps them in its store file, as before.
/// </summary>
internal static class PostsFile
{
    public static Option<string?> Option() => new("--posts")
    {
        Description = "The SQLite working file of ingested posts (default: the --db file; required when --db is a PostgreSQL database)",
    };

    public static string Resolve(ParseResult parse, Option<string?> option, string db)
    {
        var given = parse.GetValue(option);
        if (!string.IsNullOrWhiteSpace(given))
        {
            if (NodeDatabases.For(given).Name != "SQLite")
                throw new CliException($"--posts must be a SQLite file path, not '{Riposte.Storage.StoreFactory.Redact(given)}'");
            var folder = Path.GetDirectoryName(Path.GetFullPath(given));
            if (!string.IsNullOrEmpty(folder))
                Directory.CreateDirectory(folder);
            return given;
        }
        if (NodeDatabases.For(db).Name != "SQLite")
            throw new CliException("posts are kept in a local SQLite working file: with a PostgreSQL --db, pass --posts FILE (findings still go to the PostgreSQL store)");
        return db;
    }
}
