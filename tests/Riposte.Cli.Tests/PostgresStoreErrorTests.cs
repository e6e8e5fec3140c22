namespace Riposte.Cli.Tests;

/// <summary>The command on a PostgreSQL store: the location named in messages, its password never shown.</summary>
public sealed class PostgresStoreErrorTests
{
    private const string Secret = "s3cret-Never-Shown";

    [Fact]
    public async Task Stats_NothingListening_ExitsTwoNamingTheUrlWithoutThePassword()
    {
        // Port 1 on loopback: refused at once, no server needed.
        using var cli = new CliRunner($"postgres://analyst:{Secret}@127.0.0.1:1/riposte");

        var result = await cli.RunAsync("stats");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("postgres://analyst:***@127.0.0.1:1/riposte", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, result.Error + result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_PostgresStore_NamesTheUrlWithoutThePassword()
    {
        using var database = PostgresTestDatabase.Create();
        using var cli = new CliRunner(database.Url);

        var result = await cli.RunAsync("stats");

        Assert.Equal(0, result.ExitCode);
        var password = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString).Password;
        Assert.Contains(":***@", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain($":{password}@", result.Out, StringComparison.Ordinal);
    }
}
