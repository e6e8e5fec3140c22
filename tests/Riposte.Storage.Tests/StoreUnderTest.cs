using Npgsql;
using Riposte.Storage.Postgres;
using SqliteStixStore = Riposte.Storage.Sqlite.SqliteStixStore;

namespace Riposte.Storage.Tests;

/// <summary>
/// A migrated, empty store of one provider for one test, and ways to open its database again: the
/// provider-neutral tests run once per provider through this (derived classes named Sqlite… and Postgres…).
/// </summary>
public abstract class StoreUnderTest : IDisposable
{
    protected StoreUnderTest()
    {
        Folder = Directory.CreateTempSubdirectory("riposte-store-").FullName;
    }

    /// <summary>A temporary folder for the test's files, deleted afterwards.</summary>
    public string Folder { get; }

    public abstract IStixStore Store { get; }

    /// <summary>Closes <see cref="Store"/> and opens (and migrates) the database again.</summary>
    public abstract IStixStore Reopen();

    /// <summary>A second store on the same database, as another process or replica has; disposed with this.</summary>
    public abstract IStixStore OpenAnother();

    /// <summary>The schema version <see cref="Store"/>'s database is at, and the one this build migrates to.</summary>
    public abstract int SchemaVersion { get; }

    public abstract int LatestSchemaVersion { get; }

    public static StoreUnderTest Sqlite(TimeProvider? clock) => new SqliteUnderTest(clock);

    public static StoreUnderTest Postgres(TimeProvider? clock) => new PostgresUnderTest(clock);

    public void Dispose()
    {
        Close();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A reader the test leaked may still hold a file; the OS temp cleaner gets it.
        }
        GC.SuppressFinalize(this);
    }

    protected abstract void Close();

    private sealed class SqliteUnderTest : StoreUnderTest
    {
        private readonly TempStore _temp;
        private readonly List<IStixStore> _others = [];

        public SqliteUnderTest(TimeProvider? clock) => _temp = new TempStore(clock, Folder);

        public override IStixStore Store => _temp.Store;

        public override int SchemaVersion => _temp.Store.SchemaVersion;

        public override int LatestSchemaVersion => SqliteStixStore.LatestSchemaVersion;

        public override IStixStore Reopen() => _temp.Reopen();

        public override IStixStore OpenAnother()
        {
            var other = new SqliteStixStore(_temp.Path);
            _others.Add(other);
            return other;
        }

        protected override void Close()
        {
            foreach (var other in _others)
                other.Dispose();
            _temp.Dispose();
        }
    }

    /// <summary>A fresh database per test; every store opened here has its own connection pool, as a separate process would.</summary>
    private sealed class PostgresUnderTest : StoreUnderTest
    {
        private readonly PostgresTestDatabase _database;
        private readonly TimeProvider? _clock;
        private readonly List<NpgsqlDataSource> _pools = [];
        private PostgresStixStore _store;

        public PostgresUnderTest(TimeProvider? clock)
        {
            _database = PostgresTestDatabase.Create();
            _clock = clock;
            _store = Open();
        }

        public override IStixStore Store => _store;

        public override int SchemaVersion => _store.SchemaVersion;

        public override int LatestSchemaVersion => PostgresStixStore.LatestSchemaVersion;

        public override IStixStore Reopen()
        {
            _store.Dispose();
            return _store = Open();
        }

        public override IStixStore OpenAnother() => Open();

        protected override void Close()
        {
            _store.Dispose();
            foreach (var pool in _pools)
                pool.Dispose();
            _database.Dispose();
        }

        private PostgresStixStore Open()
        {
            var pool = NpgsqlDataSource.Create(_database.ConnectionString);
            _pools.Add(pool);
            var store = new PostgresStixStore(pool, _clock);
            store.Migrate();
            return store;
        }
    }
}

/// <summary>A test class that runs once per provider: each derived pair passes <see cref="StoreUnderTest.Sqlite"/> or <see cref="StoreUnderTest.Postgres"/>.</summary>
public abstract class StoreTests(Func<TimeProvider?, StoreUnderTest> open, TimeProvider? clock = null) : IDisposable
{
    protected StoreUnderTest Temp { get; } = open(clock);

    /// <summary>The clock the store stamps date_added with (null: the system clock).</summary>
    protected TimeProvider? Clock => clock;

    protected IStixStore Store => Temp.Store;

    public void Dispose()
    {
        Temp.Dispose();
        GC.SuppressFinalize(this);
    }
}
