using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Riposte.Federation.Sync;
using Riposte.Web;

namespace Riposte.Cli.Tests.Postgres;

/// <summary>Two replicas (two hosts on loopback ports) serving one PostgreSQL database.</summary>
public sealed class ReplicaTests : IAsyncDisposable
{
    private readonly PostgresTestDatabase _postgres = PostgresTestDatabase.Create();
    private readonly string _keys = Path.Combine(Path.GetTempPath(), "riposte-keys-" + Guid.NewGuid().ToString("N"));
    private readonly List<WebApplication> _hosts = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
            await host.DisposeAsync();
        Npgsql.NpgsqlConnection.ClearAllPools();
        _postgres.Dispose();
        if (Directory.Exists(_keys))
            Directory.Delete(_keys, recursive: true);
    }

    [Fact]
    public async Task TwoReplicas_ConcurrentPostsAndPaging_NothingSkippedOrRepeatedStatusOnEitherSyncOnOne()
    {
        using (var node = NodeSession.Open(_postgres.Url))
            Demo.Prepare(node, new CliConsole(TextWriter.Null, TextWriter.Null, () => Stream.Null, () => Stream.Null, interactive: false));
        var a = await StartAsync();
        var b = await StartAsync();
        var cancel = TestContext.Current.CancellationToken;

        // Writers on both replicas while a reader pages through replica A with added_after.
        var posted = new ConcurrentBag<string>();
        var writers = Task.WhenAll(Enumerable.Range(0, 2).Select(w => Task.Run(async () =>
        {
            for (var round = 0; round < 8; round++)
            {
                    foreach (var id in (await TaxiiTestClient.PostAsync(w == 0 ? a : b, w, round, cancel)).Ids)
                        posted.Add(id);
                }
        }, cancel)));
        var seen = new List<string>();
        string? after = null;
        while (true)
        {
            var done = writers.IsCompleted;
            var (ids, last) = await TaxiiTestClient.PageAsync(a, after, cancel);
            seen.AddRange(ids);
            after = last ?? after;
            if (done && ids.Count == 0)
                break;
        }
        await writers;
        var (statusIds, statusId) = await TaxiiTestClient.PostAsync(a, 9, 0, cancel);
        var followed = await TaxiiTestClient.SendAsync(b, HttpMethod.Get, $"/taxii2/riposte/status/{statusId}/", null, cancel);
        await Task.Delay(TimeSpan.FromSeconds(1), cancel);

        var mine = seen.Where(posted.Contains).ToList();
        Assert.Equal(posted.Count, mine.Count);
        Assert.Equal(mine.Count, mine.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
        Assert.Contains(statusIds[0], await followed.Content.ReadAsStringAsync(cancel), StringComparison.Ordinal);
        Assert.Equal(1, _hosts.Count(h => h.Services.GetRequiredService<SyncLeadership>().IsLeader));
    }

    private async Task<HttpClient> StartAsync()
    {
        var app = RiposteHost.Build(new RiposteHostSettings { Db = _postgres.Url, Urls = "http://127.0.0.1:0", KeysDirectory = _keys });
        _hosts.Add(app);
        return await TaxiiTestClient.StartAsync(app);
    }
}
