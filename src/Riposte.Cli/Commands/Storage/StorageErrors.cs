using System.Data.Common;
using Riposte.Storage;

namespace Riposte.Cli.Commands.Storage;

/// <summary>Turns a database failure of a maintenance command into one clear line naming the database (password hidden).</summary>
internal static class StorageErrors
{
    public static T Guard<T>(string db, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or NotSupportedException or ArgumentException or IOException)
        {
            throw new CliException($"{e.Message} (database {StoreFactory.Redact(db)})");
        }
    }
}
