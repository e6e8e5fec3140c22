namespace Riposte.Storage;

/// <summary>How to open a store; provider-neutral so the CLI and the web host configure any provider the same way.</summary>
public sealed record StoreOptions
{
    /// <summary>The <c>--db</c> value: a file path for SQLite, a <c>postgres://</c> URL or connection string for PostgreSQL.</summary>
    public required string Location { get; init; }

    /// <summary>Create or upgrade the schema when opening (the default), so a fresh path just works.</summary>
    public bool MigrateOnOpen { get; init; } = true;

    /// <summary>The clock that stamps <c>date_added</c>; tests pass a controllable one.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}

/// <summary>One database provider (SQLite, PostgreSQL). Each keeps all of its SQL to itself.</summary>
public interface IStixStoreProvider
{
    /// <summary>A short name for messages, e.g. "SQLite".</summary>
    string Name { get; }

    /// <summary>Whether this provider serves <paramref name="location"/> (by URL scheme or file path).</summary>
    bool CanOpen(string location);

    IStixStore Open(StoreOptions options);
}
