namespace Riposte.Analytics.Tests.Formats;

public sealed class XFormatsTests
{
    [Theory]
    [InlineData("twarc2-search-recent.jsonl")]
    [InlineData("twarc2-flattened.jsonl")]
    [InlineData("twarc-csv.csv")]
    public void Read_EachXSample_GivesTheSevenPostsWithIdsAsStrings(string file)
    {
        // Act
        var posts = Samples.Posts("x-twitter", file);

        // Assert
        Assert.Equal(7, posts.Count);
        Assert.All(posts.Values, p => Assert.Equal("x", p.Platform));
        Assert.Contains("1900631245176373581", posts.Keys);
        Assert.Contains("1900412233445566778", posts.Keys);
    }

    [Theory]
    [InlineData("twarc2-search-recent.jsonl")]
    [InlineData("twarc2-flattened.jsonl")]
    [InlineData("twarc-csv.csv")]
    public void Read_Retweet_TakesFullTextFromTheOriginalAndLinksIt(string file)
    {
        // Act
        var retweet = Samples.Posts("x-twitter", file)["1900571122233344000"];

        // Assert
        Assert.Equal("1900563421765128192", retweet.RepostOfId);
        Assert.StartsWith("BREAKING: Leaked memo shows the #NordvaleDam failure was PLANNED.", retweet.Text);
        Assert.DoesNotContain("RT @", retweet.Text);
        Assert.Equal(["NordvaleDam", "DamCoverUp"], retweet.Hashtags);
        Assert.Equal("nordvale_patriot", retweet.AuthorHandle);
        Assert.Equal(Samples.Utc("2025-03-14T09:43:20Z"), retweet.CreatedAt);
    }

    [Theory]
    [InlineData("twarc2-search-recent.jsonl")]
    [InlineData("twarc2-flattened.jsonl")]
    [InlineData("twarc-csv.csv")]
    public void Read_ReplyAndQuote_CarryReferencedIdsMetricsAndAuthor(string file)
    {
        // Act
        var posts = Samples.Posts("x-twitter", file);
        var reply = posts["1900588012345675264"];
        var quote = posts["1900631245176373581"];

        // Assert
        Assert.Equal("1900563421765128192", reply.ReplyToId);
        Assert.Equal(["truth_seeker_88"], reply.Mentions);
        Assert.Equal("anna_k_reports", reply.AuthorHandle);
        Assert.Equal(Samples.Utc("2009-06-18T07:45:10Z"), reply.AuthorCreatedAt);
        Assert.Equal("1900563421765128192", quote.QuoteOfId);
        Assert.Equal(2410, quote.Likes);
        Assert.Equal(830, quote.Reposts);
        Assert.Equal(64, quote.Replies);
        Assert.Equal(51, quote.Quotes);
        Assert.Equal(201877, quote.Views);
        Assert.Equal("en", quote.Language);
        Assert.Contains("https://factcheck.example.org/2025/03/14/dam-memo-fabricated", quote.Urls);
    }

    [Fact]
    public void Read_TwarcPage_SkipsMediaLinksAndDropsTrackingParameters()
    {
        // Act
        var original = Samples.Posts("x-twitter", "twarc2-search-recent.jsonl")["1900563421765128192"];

        // Assert: the unwound URL's ?ref=tw is a tracking parameter, and the photo link is not a shared URL
        Assert.Equal(["https://nordvale-truth.example/2025/03/leaked-dam-memo"], original.Urls);
    }

    [Fact]
    public void Read_TwarcPage_RecordsTheJsonPathOfEachTweetOnItsLine()
    {
        // Act
        var records = Samples.Read("x-twitter", "twarc2-search-recent.jsonl");

        // Assert
        Assert.Equal(7, records.Count);
        Assert.Equal(new RecordLocation("twarc2-search-recent.jsonl", 2, "$.data[1]"), records[5].Location);
    }

    [Fact]
    public void Read_TwarcCsv_DecodesLiteralNewlinesJsonListsAndFloatCounts()
    {
        // Arrange
        var header = File.ReadLines(Samples.PathOf("x-twitter", "twarc-csv.csv")).First();
        var csv = CsvText.WithRow(header, new()
        {
            ["id"] = "1", ["author_id"] = "42", ["created_at"] = "2025-03-14T13:42:18.000Z", ["text"] = "line one\\nline two",
            ["entities.hashtags"] = "[\"#A\", \"#Б\"]", ["public_metrics.impression_count"] = "12.0", ["public_metrics.like_count"] = "",
            ["possibly_sensitive"] = "False",
        });

        // Act
        var post = Assert.Single(Samples.ReadText("twarc-csv", csv)).Post!;

        // Assert
        Assert.Equal("line one\nline two", post.Text);
        Assert.Equal(["A", "Б"], post.Hashtags);
        Assert.Equal(12, post.Views);
        Assert.Null(post.Likes);
    }
}
