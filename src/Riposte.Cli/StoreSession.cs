using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Riposte.Access;
using Riposte.Federation.Stream;
using Riposte.Storage;
using Riposte.Web;

namespace Riposte.Cli;

/// <summary>
/// The store and the node's services for one command, opened with a clear message when they cannot be.
/// Commands call the same services as the server (resolved here), never HTTP.
/// </summary>
public sealed class NodeSession : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly AsyncServiceScope _scope;

    private NodeSession(string db, IStixStore store)
    {
        Db = db;
        Store = store;
        _services = NodeServices.BuildForCommandLine(db, store);
        _scope = _services.CreateAsyncScope();
        _scope.ServiceProvider.GetRequiredService<AccessRequestContext>().RemoteAddress = "cli";
    }

    public string Db { get; }
    public IStixStore Store { get; }

    public T Get<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    public static NodeSession Open(CliGlobals globals, ParseResult parse) => Open(globals.DbPath(parse));

    public static NodeSession Open(string db)
    {
        var store = StoreSession.Open(db);
        try
        {
            return new NodeSession(db, store);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _scope.Dispose();
        _services.Dispose();
        Store.Dispose();
    }
}

/// <summary>Opens just the store, for commands that need nothing else.</summary>
public static class StoreSession
{
    public static IStixStore Open(CliGlobals globals, ParseResult parse) => Open(globals.DbPath(parse));

    public static IStixStore Open(string db) => Opened(db, federated: true);

    /// <summary>The store without the federation log, for the server: its host adds that itself (wrapping twice logged every deletion twice).</summary>
    public static IStixStore OpenForHost(string db) => Opened(db, federated: false);

    private static IStixStore Opened(string db, bool federated)
    {
        try
        {
            if (!db.Contains("://", StringComparison.Ordinal))
            {
                var folder = Path.GetDirectoryName(Path.GetFullPath(db));
                if (!string.IsNullOrEmpty(folder))
                    Directory.CreateDirectory(folder);
            }
            var store = StixStores.Open(db);
            store.Migrate();
            return federated ? Federated(store, db) : store;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException or InvalidOperationException
            or System.Data.Common.DbException)
        {
            throw new CliException($"cannot open the store '{Riposte.Storage.Postgres.PostgresLocation.Redact(db)}': {e.Message}. Pass another path or URL with --db or set {StoreLocation.EnvironmentVariable}.");
        }
    }

    /// <summary>
    /// Deletions and later collection memberships made by a command are logged for the node's event
    /// stream exactly as when made through the server, so peers learn of them (a running server notices
    /// this process's commits within its ExternalChangeInterval, 250 ms, and wakes its streams).
    /// </summary>
    private static IStixStore Federated(IStixStore store, string db)
    {
        try
        {
            var log = NodeDatabases.For(db).OpenFederation(db);
            log.Migrate();
            return new NotifyingStixStore(store, log, new ChangeSignal(), TimeProvider.System);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }
}
