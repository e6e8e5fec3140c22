using System.Net;
using Riposte.Web;

namespace Riposte.Cli.Tests;

/// <summary>TAXII statuses live in the node's database (they used to be in the host's memory).</summary>
public sealed class StatusAfterRestartTests
{
    [Fact]
    public async Task GetStatus_AfterTheHostRestarts_StillThere()
    {
        using var cli = new CliRunner();
        using (var node = NodeSession.Open(cli.Db))
            Demo.Prepare(node, new CliConsole(TextWriter.Null, TextWriter.Null, () => Stream.Null, () => Stream.Null, interactive: false));
        var cancel = TestContext.Current.CancellationToken;
        string statusId;
        List<string> ids;
        await using (var before = RiposteHost.Build(new RiposteHostSettings { Db = cli.Db, Urls = "http://127.0.0.1:0" }))
        {
            using var http = await TaxiiTestClient.StartAsync(before);
            (ids, statusId) = await TaxiiTestClient.PostAsync(http, 0, 0, cancel);
            await before.StopAsync(cancel);
        }

        await using var after = RiposteHost.Build(new RiposteHostSettings { Db = cli.Db, Urls = "http://127.0.0.1:0" });
        using var again = await TaxiiTestClient.StartAsync(after);
        var status = await TaxiiTestClient.SendAsync(again, HttpMethod.Get, $"/taxii2/riposte/status/{statusId}/", null, cancel);

        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Contains(ids[^1], await status.Content.ReadAsStringAsync(cancel), StringComparison.Ordinal);
        await after.StopAsync(cancel);
    }
}
