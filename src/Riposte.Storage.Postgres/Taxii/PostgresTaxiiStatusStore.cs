using System.Globalization;
using Npgsql;
using Riposte.Storage.Postgres.Schema;
using Riposte.Storage.Taxii;
using static Riposte.Storage.Postgres.Schema.PostgresCommands;

namespace Riposte.Storage.Postgres.Taxii;

/// <summary>
/// TAXII status resources in PostgreSQL: a client posting through one replica can follow its status on
/// any other, and after a restart.
/// </summary>
public sealed class PostgresTaxiiStatusStore(NpgsqlDataSource source) : ITaxiiStatusStore
{
    private const string Component = "taxii";

    private static readonly IReadOnlyList<string> Steps =
    [
        """
        CREATE TABLE taxii_status (
            id text PRIMARY KEY,
            owner_user_id text NOT NULL,
            collection_id text NOT NULL,
            request_timestamp text NOT NULL,
            successes text NOT NULL,
            failures text NOT NULL,
            pendings text NOT NULL);
        """,
    ];

    /// <summary>A store over the database a <c>--db</c> value names.</summary>
    public static PostgresTaxiiStatusStore For(string location) => new(PostgresDataSources.For(location));

    /// <summary>Creates or upgrades the table. Safe on every start of every replica.</summary>
    public void Migrate() => PostgresSchemaMigrator.Migrate(source, Component, Steps);

    public void Save(TaxiiStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        using var connection = source.OpenConnection();
        Execute(connection, """
            INSERT INTO taxii_status (id, owner_user_id, collection_id, request_timestamp, successes, failures, pendings)
            VALUES (@id, @owner, @collection, @ts, @successes, @failures, @pendings)
            ON CONFLICT (id) DO UPDATE SET successes = excluded.successes, failures = excluded.failures, pendings = excluded.pendings
            """,
            ("id", status.Id), ("owner", status.OwnerUserId), ("collection", status.CollectionId),
            ("ts", status.RequestTimestamp.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)),
            ("successes", TaxiiStatusJson.Serialize(status.Successes)), ("failures", TaxiiStatusJson.Serialize(status.Failures)),
            ("pendings", TaxiiStatusJson.Serialize(status.Pendings)));
    }

    public TaxiiStatus? Get(string id)
    {
        using var connection = source.OpenConnection();
        return Query(connection, "SELECT owner_user_id, collection_id, request_timestamp, successes, failures, pendings FROM taxii_status WHERE id = @id",
            r => new TaxiiStatus
            {
                Id = id,
                OwnerUserId = r.GetString(0),
                CollectionId = r.GetString(1),
                RequestTimestamp = DateTimeOffset.Parse(r.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                Successes = TaxiiStatusJson.Deserialize(r.GetString(3)),
                Failures = TaxiiStatusJson.Deserialize(r.GetString(4)),
                Pendings = TaxiiStatusJson.Deserialize(r.GetString(5)),
            }, ("id", id)).FirstOrDefault();
    }
}
