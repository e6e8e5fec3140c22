namespace Riposte.Analytics.Tests.Formats;

public sealed class SniffingTests
{
    [Theory]
    [InlineData("x-twitter", "twarc2-search-recent.jsonl", "twarc2")]
    [InlineData("x-twitter", "twarc2-flattened.jsonl", "twarc2-flat")]
    [InlineData("x-twitter", "twarc-csv.csv", "twarc-csv")]
    [InlineData("telegram", "result.json", "telegram-desktop")]
    [InlineData("meta", "crowdtangle-facebook-historical.csv", "crowdtangle")]
    [InlineData("meta", "meta-content-library-facebook-posts.csv", "meta-mcl")]
    [InlineData("4cat", "telegram-nordvale_truth.ndjson", "4cat-telegram")]
    [InlineData("4cat", "telegram-nordvale_truth.csv", "4cat-csv")]
    [InlineData("youtube", "videos.list.json", "youtube-videos")]
    [InlineData("youtube", "commentThreads.list.json", "youtube-comments")]
    [InlineData("bluesky", "jetstream-events.jsonl", "bluesky-jetstream")]
    [InlineData("bluesky", "app.bsky.feed.searchPosts.json", "bluesky-search")]
    [InlineData("mastodon", "timelines-tag-nordvaledam.json", "mastodon")]
    [InlineData("tiktok", "research-video-query.json", "tiktok-research")]
    [InlineData("rss-atom", "nordvale-truth.rss.xml", "rss")]
    [InlineData("rss-atom", "riverton-herald.atom.xml", "atom")]
    public void Sniff_EachSample_FindsItsFormat(string folder, string file, string expected)
    {
        // Act
        var format = Samples.Sniff(Samples.PathOf(folder, file));

        // Assert
        Assert.Equal(expected, format?.Name);
    }

    [Fact]
    public void Sniff_GeneratorLine_FindsMicroblog()
    {
        // Arrange
        var line = """{"id":"1000000000","account_id":"u1","username":"a","account_created_at":"2021-01-30T08:39:10Z","timestamp":"2024-03-01T00:00:01Z","text":"x","urls":[],"hashtags":[],"mentions":[],"reply_to":null,"repost_of":null,"platform":"microblog","lang":"en"}"""u8;

        // Act
        var format = PostFormats.Sniff(line, "posts.ndjson");

        // Assert
        Assert.Equal("microblog", format?.Name);
    }

    [Theory]
    [InlineData("hello, world\nthis is not an export\n")]
    [InlineData("{\"unrelated\": true}\n")]
    [InlineData("<html><body>page</body></html>")]
    public void Sniff_UnknownContent_FindsNothing(string content)
    {
        // Act
        var format = PostFormats.Sniff(System.Text.Encoding.UTF8.GetBytes(content), "data.txt");

        // Assert
        Assert.Null(format);
    }

    [Fact]
    public void ByName_UnknownName_ThrowsListingEveryFormat()
    {
        // Act
        var error = Assert.Throws<UnknownFormatException>(() => PostFormats.ByName("friendster"));

        // Assert
        Assert.Contains("'friendster'", error.Message);
        Assert.All(PostFormats.All, f => Assert.Contains(f.Name, error.Message));
    }

    [Fact]
    public void All_FormatNames_AreUnique()
    {
        // Act
        var names = PostFormats.All.Select(f => f.Name).ToList();

        // Assert
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}
