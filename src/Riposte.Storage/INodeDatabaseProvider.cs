using System.Data.Common;
using Riposte.Storage.Access;
using Riposte.Storage.Federation;
using Riposte.Storage.Taxii;

namespace Riposte.Storage;

/// <summary>
/// Everything a node keeps beside its STIX store, in one database provider: the access tables, the
/// federation log and the TAXII statuses. The STIX store itself opens through <see cref="IStixStoreProvider"/>;
/// both take the same <c>--db</c> value, so a node's tables always live in one database.
/// </summary>
public interface INodeDatabaseProvider
{
    /// <summary>A short name for messages, e.g. "PostgreSQL".</summary>
    string Name { get; }

    /// <summary>Whether this provider serves <paramref name="location"/> (by URL scheme or file path).</summary>
    bool CanOpen(string location);

    /// <summary>The access repositories (not yet migrated: <see cref="IAccessRepositories.Migrate"/> does it).</summary>
    IAccessRepositories OpenAccess(string location);

    /// <summary>The federation repository (not yet migrated).</summary>
    IFederationRepository OpenFederation(string location);

    /// <summary>The TAXII status store, its table created or upgraded.</summary>
    ITaxiiStatusStore OpenTaxiiStatus(string location);

    /// <summary>Each table set's schema version as the database records it (after a migration), for <c>riposte migrate</c>.</summary>
    IReadOnlyList<(string TableSet, string Version)> SchemaVersions(string location);

    /// <summary>
    /// A leader lease for background work that must run once per node however many replicas serve it
    /// (federation sync, scheduled jobs), or null when one process is the whole node (SQLite).
    /// </summary>
    ILeaderLease? OpenLeaderLease(string location, string name);

    /// <summary>An open connection to the database, for <c>riposte copy</c>'s row-by-row transfer of tables named alike in every provider.</summary>
    DbConnection OpenConnection(string location);

    /// <summary>After rows were copied in with their own keys: moves key generators (identity sequences) past them.</summary>
    void RealignKeyGenerators(DbConnection connection);
}

/// <summary>
/// Held by at most one process of a node at a time. Lost when the holder's process or connection dies,
/// so another replica can take over.
/// </summary>
public interface ILeaderLease : IDisposable
{
    /// <summary>Takes the lease when it is free, or confirms this process still holds it; false when another holds it.</summary>
    bool TryAcquire();

    /// <summary>Whether this process held the lease at its last check.</summary>
    bool IsHeld { get; }
}
