using Npgsql;
using Riposte.Storage.Postgres;

namespace Riposte.Storage.Tests;

/// <summary>A database that cannot be used is refused with the location (password hidden) and the reason.</summary>
public sealed class PostgresBadLocationTests
{
    private const string Secret = "s3cret-Never-Shown";

    private static readonly StoreFactory Factory = new([new PostgresStoreProvider()]);

    [Fact]
    public void Open_WrongPassword_NamesTheRedactedUrlAndTheReason()
    {
        using var database = PostgresTestDatabase.Create();
        var url = WithPassword(database, database.Name, Secret);

        var error = Assert.Throws<InvalidOperationException>(() => Factory.Open(url));

        Assert.StartsWith($"cannot open the PostgreSQL store 'postgres://{User(database)}:***@", error.Message, StringComparison.Ordinal);
        Assert.Contains("password authentication failed", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_NoSuchDatabase_NamesTheDatabase()
    {
        using var database = PostgresTestDatabase.Create();
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var url = WithPassword(database, "riposte_no_such_db", builder.Password!);

        var error = Assert.Throws<InvalidOperationException>(() => Factory.Open(url));

        Assert.Contains("/riposte_no_such_db'", error.Message, StringComparison.Ordinal);
        Assert.Contains("database \"riposte_no_such_db\" does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains(":***@", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain($":{builder.Password}@", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_NothingListening_SaysTheServerCannotBeReached()
    {
        // Port 1 on loopback: refused at once, no server needed.
        var url = $"postgres://riposte:{Secret}@127.0.0.1:1/riposte?Timeout=3";

        var error = Assert.Throws<InvalidOperationException>(() => Factory.Open(url));

        Assert.StartsWith("cannot open the PostgreSQL store 'postgres://riposte:***@127.0.0.1:1/riposte?Timeout=3': ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_KeyValueFormWithWrongPassword_HidesThePassword()
    {
        using var database = PostgresTestDatabase.Create();
        var location = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Password = Secret }.ConnectionString;

        var error = Assert.Throws<InvalidOperationException>(() => Factory.Open(location));

        Assert.Contains("Password=***", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reason_ServerErrorAfterOpen_GivesTheServersMessageAndCode()
    {
        using var database = PostgresTestDatabase.Create();
        using var pool = NpgsqlDataSource.Create(database.ConnectionString);
        using var command = pool.CreateCommand("SELECT * FROM stix_objects");

        var error = Assert.Throws<PostgresException>(() => command.ExecuteNonQuery());

        Assert.Equal("relation \"stix_objects\" does not exist (SQLSTATE 42P01)", PostgresLocation.Reason(error));
    }

    private static string User(PostgresTestDatabase database) => new NpgsqlConnectionStringBuilder(database.ConnectionString).Username!;

    private static string WithPassword(PostgresTestDatabase database, string name, string password)
    {
        var b = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        return $"postgres://{Uri.EscapeDataString(b.Username!)}:{Uri.EscapeDataString(password)}@{b.Host}:{b.Port}/{name}";
    }
}
