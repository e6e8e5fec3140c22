namespace Riposte.Cli.Tests;

/// <summary>A PostgreSQL store the command cannot use: exit 2, the location named, its password never shown.</summary>
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
}
