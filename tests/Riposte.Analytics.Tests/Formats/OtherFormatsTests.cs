namespace Riposte.Analytics.Tests.Formats;

public sealed class OtherFormatsTests
{
    [Fact]
    public void Read_CrowdTangle_ConvertsZoneAbbreviationAndThousandsSeparators()
    {
        // Act
        var posts = Samples.Posts("meta", "crowdtangle-facebook-historical.csv");

        // Assert
        Assert.Equal(6, posts.Count);
        var first = posts["pfbid02aBcDeFgHiJkLmN"];
        Assert.Equal(Samples.Utc("2025-03-14T08:12:40Z"), first.CreatedAt); // 04:12:40 EDT
        Assert.Equal("100083334445556", first.AuthorId);
        Assert.Equal(["NordvaleDam", "DamCoverUp"], first.Hashtags);
        Assert.Equal(["https://nordvale-truth.example/2025/03/leaked-dam-memo"], first.Urls); // fbclid dropped, duplicates merged
        Assert.Equal(2101, first.Likes);
        Assert.Null(first.Views);
        Assert.Equal(88410, posts["1234567890123456"].Views); // "88,410"
    }

    [Fact]
    public void Read_MetaContentLibrary_MapsReshareLanguageAndStatistics()
    {
        // Act
        var posts = Samples.Posts("meta", "meta-content-library-facebook-posts.csv");

        // Assert
        Assert.Equal(5, posts.Count);
        Assert.Equal("1283746501928374", posts["1283746501928999"].RepostOfId);
        Assert.Equal("ru", posts["1283746501933434"].Language);
        Assert.Equal(91220, posts["1283746501930001"].Views);
        Assert.Null(posts["1283746501928374"].Views);
    }

    [Fact]
    public void Read_YouTubeVideos_ParsesStringCountsAndDescriptionEntities()
    {
        // Act
        var video = Samples.Posts("youtube", "videos.list.json")["pQ7xN2mRk4s"];

        // Assert
        Assert.Equal(184220, video.Views);
        Assert.Equal(9120, video.Likes);
        Assert.Equal(2311, video.Replies);
        Assert.Equal(["NordvaleDam", "DamCoverUp"], video.Hashtags);
        Assert.Equal(["https://nordvale-truth.example/2025/03/leaked-dam-memo"], video.Urls);
        Assert.Equal("UCq9Xr4nT7uVb2LkM3eF8sHw", video.AuthorId);
        Assert.StartsWith("LEAKED DAM MEMO", video.Text);
    }

    [Fact]
    public void Read_YouTubeCommentThreads_GivesTopLevelCommentsAndTheirReplies()
    {
        // Act
        var comments = Samples.Posts("youtube", "commentThreads.list.json");

        // Assert
        Assert.Equal(5, comments.Count);
        Assert.Equal("pQ7xN2mRk4s", comments["UgyT7bN1mQ0wE2rR9sFd4AaABAg"].ReplyToId);
        Assert.Equal(2, comments["UgyT7bN1mQ0wE2rR9sFd4AaABAg"].Replies);
        var reply = comments["UgyT7bN1mQ0wE2rR9sFd4AaABAg.AFb2Cd3Ef4G"];
        Assert.Equal("UgyT7bN1mQ0wE2rR9sFd4AaABAg", reply.ReplyToId);
        Assert.Equal("truthseeker88", reply.AuthorHandle);
        Assert.Equal(31, reply.Likes);
    }

    [Fact]
    public void Read_Jetstream_MapsPostsAndRepostsAndSkipsDeletesIdentityAndAccountEvents()
    {
        // Act
        var records = Samples.Read("bluesky", "jetstream-events.jsonl");

        // Assert
        Assert.Equal(5, records.Count(r => r.Kind == RecordKind.Post));
        Assert.Equal(3, records.Count(r => r.Kind == RecordKind.Skipped));
        Assert.Contains(records, r => r.Reason is { } reason && reason.StartsWith("delete of at://", StringComparison.Ordinal));
        var repost = records[2].Post!;
        Assert.Equal("at://did:plc:4k7rtqzq2xyvbn3mfd6wpe5c/app.bsky.feed.post/3lkf2xq7zbs2c", repost.RepostOfId);
        var quote = records[5].Post!;
        Assert.Equal("at://did:plc:4k7rtqzq2xyvbn3mfd6wpe5c/app.bsky.feed.post/3lkf2xq7zbs2c", quote.QuoteOfId);
        Assert.Null(quote.Likes);
    }

    [Fact]
    public void Read_JetstreamIdentityEvent_GivesTheHandleToLaterPostsOfThatDid()
    {
        // Arrange
        var lines = """
            {"did": "did:plc:a", "time_us": 1, "kind": "identity", "identity": {"did": "did:plc:a", "handle": "a.bsky.social"}}
            {"did": "did:plc:a", "time_us": 2, "kind": "commit", "commit": {"operation": "create", "collection": "app.bsky.feed.post", "rkey": "r1", "record": {"createdAt": "2025-03-14T08:55:40.000Z", "text": "hello #Привет"}}}
            """;

        // Act
        var post = Samples.ReadText("bluesky-jetstream", lines).Single(r => r.Post is not null).Post!;

        // Assert
        Assert.Equal("a.bsky.social", post.AuthorHandle);
        Assert.Equal("at://did:plc:a/app.bsky.feed.post/r1", post.Id);
    }

    [Fact]
    public void Read_BlueskySearch_TakesHandlesCountsFacetsAndTags()
    {
        // Act
        var post = Samples.Posts("bluesky", "app.bsky.feed.searchPosts.json")["at://did:plc:4k7rtqzq2xyvbn3mfd6wpe5c/app.bsky.feed.post/3lkf2xq7zbs2c"];

        // Assert
        Assert.Equal("truthseeker88.bsky.social", post.AuthorHandle);
        Assert.Equal(612, post.Likes);
        Assert.Equal(288, post.Reposts);
        Assert.Equal(19, post.Quotes);
        Assert.Equal(["NordvaleDam", "DamCoverUp"], post.Hashtags);
        Assert.Equal(["https://nordvale-truth.example/2025/03/leaked-dam-memo"], post.Urls);
    }

    [Fact]
    public void Read_Mastodon_StripsHtmlAndMapsBoostQuoteReplyAndCard()
    {
        // Act
        var posts = Samples.Posts("mastodon", "timelines-tag-nordvaledam.json");

        // Assert
        var original = posts["114157600112233445"];
        Assert.Equal("LEAKED memo: the #NordvaleDam failure was planned. Officials knew days before. https://nordvale-truth.example/2025/03/leaked-dam-memo #DamCoverUp", original.Text);
        Assert.Equal(["https://nordvale-truth.example/2025/03/leaked-dam-memo"], original.Urls);
        Assert.Equal(["nordvaledam", "damcoverup"], original.Hashtags);
        var boost = posts["114157611223344556"];
        Assert.Equal("114157600112233445", boost.RepostOfId);
        Assert.Equal(original.Text, boost.Text);
        Assert.Equal("114157600112233445", posts["114158300112200334"].QuoteOfId);
        Assert.Equal("114157600112233445", posts["114157900998877665"].ReplyToId);
        Assert.Equal(["truthseeker88"], posts["114157900998877665"].Mentions);
        Assert.Equal("anna@herald.example.org", posts["114157900998877665"].AuthorHandle);
    }

    [Fact]
    public void Read_TikTok_KeepsEveryDigitOfBareInt64Ids()
    {
        // Act
        var posts = Samples.Posts("tiktok", "research-video-query.json");

        // Assert
        Assert.Equal(5, posts.Count);
        var first = posts["7481556600112233445"];
        Assert.Equal(Samples.Utc("2025-03-14T08:20:00Z"), first.CreatedAt);
        Assert.Equal(["nordvaledam", "damcoverup", "fyp"], first.Hashtags);
        Assert.Equal(412300, first.Views);
        Assert.Equal(9120, first.Reposts);
        Assert.Null(first.Language);
    }

    [Fact]
    public void Read_Rss_MapsGuidPubDateContentAndCategories()
    {
        // Act
        var posts = Samples.Posts("rss-atom", "nordvale-truth.rss.xml");

        // Assert
        var item = posts["https://nordvale-truth.example/?p=4411"];
        Assert.Equal(Samples.Utc("2025-03-14T08:05:00Z"), item.CreatedAt);
        Assert.Equal("Editorial Team", item.AuthorHandle);
        Assert.Equal(["Nordvale", "Exclusive"], item.Hashtags);
        Assert.Equal(["https://nordvale-truth.example/2025/03/leaked-dam-memo", "https://x.example/truth_seeker_88"], item.Urls);
        Assert.StartsWith("LEAKED: The memo they tried to hide\n\nExclusive documents", item.Text);
        Assert.Equal("en", item.Language);
    }

    [Fact]
    public void Read_Atom_MapsIdPublishedAuthorAndXmlLang()
    {
        // Act
        var posts = Samples.Posts("rss-atom", "riverton-herald.atom.xml");

        // Assert
        Assert.Equal(2, posts.Count);
        var entry = posts["tag:herald.example.org,2025:article-88120"];
        Assert.Equal(Samples.Utc("2025-03-14T12:15:00Z"), entry.CreatedAt);
        Assert.Equal("Anna Kallas", entry.AuthorHandle);
        Assert.Equal(["https://herald.example.org/2025/03/14/evacuation-update"], entry.Urls);
        Assert.Equal(["Riverton", "Flood"], entry.Hashtags);
        Assert.Equal("en", entry.Language);
        Assert.Contains("rely on official notices only", entry.Text);
    }
}
