namespace Riposte.Cli.Tests.Postgres;

/// <summary>A node on PostgreSQL keeps ingested posts in a local SQLite working file (--posts); its findings go to PostgreSQL.</summary>
public sealed class PostsOnPostgresTests : IDisposable
{
    private readonly PostgresTestDatabase _postgres = PostgresTestDatabase.Create();
    private readonly CliRunner _cli;

    public PostsOnPostgresTests() => _cli = new CliRunner(_postgres.Url);

    public void Dispose()
    {
        _cli.Dispose();
        Npgsql.NpgsqlConnection.ClearAllPools();
        _postgres.Dispose();
    }

    [Fact]
    public async Task IngestDetect_PostgresDbWithPostsFile_FindingsInPostgres_WithoutPostsFile_ClearError()
    {
        var corpus = Path.Combine(_cli.Folder, "corpus");
        PostGenerator.Generate(corpus, seed: 11);
        var posts = Path.Combine(_cli.Folder, "work", "posts.db");

        var refused = await _cli.RunAsync("ingest", Path.Combine(corpus, "posts.ndjson"));
        var ingest = await _cli.RunAsync("ingest", Path.Combine(corpus, "posts.ndjson"), "--posts", posts);
        var detect = await _cli.RunAsync("detect", "--posts", posts, "--out", Path.Combine(_cli.Folder, "findings"), "--import");
        var groupings = await _cli.RunAsync("export", "--type", "grouping");

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("--posts", refused.Error, StringComparison.Ordinal);
        Assert.True(ingest.ExitCode == 0, ingest.Out + ingest.Error);
        Assert.True(detect.ExitCode == 0, detect.Out + detect.Error);
        Assert.True(File.Exists(posts));
        Assert.Contains("candidate-finding", groupings.Data, StringComparison.Ordinal);
    }
}
