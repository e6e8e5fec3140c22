using Npgsql;
using Riposte.Storage.Postgres;

namespace Riposte.Storage.Tests.Postgres;

public sealed class PostgresLocationTests
{
    [Fact]
    public void ToConnectionString_Url_MapsEveryPart()
    {
        var cs = new NpgsqlConnectionStringBuilder(PostgresLocation.ToConnectionString("postgres://ana:p%40ss@db.example:6543/riposte?sslmode=require"));

        Assert.Equal("db.example", cs.Host);
        Assert.Equal(6543, cs.Port);
        Assert.Equal("ana", cs.Username);
        Assert.Equal("p@ss", cs.Password);
        Assert.Equal("riposte", cs.Database);
        Assert.Equal(SslMode.Require, cs.SslMode);
    }

    [Fact]
    public void ToConnectionString_KeyValueForm_IsAccepted()
    {
        var cs = new NpgsqlConnectionStringBuilder(PostgresLocation.ToConnectionString("Host=localhost;Database=riposte;Username=ana"));

        Assert.Equal("riposte", cs.Database);
        Assert.True(PostgresLocation.Names("Host=localhost;Database=riposte"));
    }

    [Theory]
    [InlineData("postgres://ana:secret@db.example:5432/")]
    [InlineData("postgresql://db.example")]
    public void ToConnectionString_NoDatabase_SaysSoWithoutThePassword(string url)
    {
        var e = Assert.Throws<ArgumentException>(() => PostgresLocation.ToConnectionString(url));

        Assert.Contains("names no database", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToConnectionString_UnknownOption_NamesIt()
    {
        var e = Assert.Throws<ArgumentException>(() => PostgresLocation.ToConnectionString("postgres://h/db?frobnicate=1"));

        Assert.Contains("frobnicate", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/tmp/riposte.db", false)]
    [InlineData("file:///tmp/riposte.db", false)]
    [InlineData("postgres://h/db", true)]
    [InlineData("POSTGRESQL://h/db", true)]
    public void Names_TellsPostgresFromFiles(string location, bool expected) =>
        Assert.Equal(expected, PostgresLocation.Names(location));

    [Fact]
    public void TestServer_FreshDatabase_AcceptsConnections()
    {
        using var database = PostgresTestDatabase.Create();
        var source = PostgresDataSources.For(database.Url);

        using var command = source.CreateCommand("SELECT current_database()");

        Assert.Equal(database.Name, command.ExecuteScalar());
    }
}
