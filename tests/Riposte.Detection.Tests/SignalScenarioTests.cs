using Riposte.Detection.Tests.Support;

namespace Riposte.Detection.Tests;

public sealed class SignalScenarioTests
{
    private static HashSet<string> Flagged(Scenario s) =>
        [.. new CoordinationDetector().Detect(s.Posts).Clusters.SelectMany(c => c.Members).Select(m => m.AccountId)];

    [Fact]
    public void Detect_TightCoRepostCampaign_FoundAndNothingElse()
    {
        // Arrange: 15 amplifiers repost 12 posts by 4 authors within 40 seconds of each other.
        var s = new Scenario(1).WithOrganicBackground();
        var amps = Scenario.Accounts("amp", 15);
        for (var e = 0; e < 12; e++)
        {
            var seed = s.Add("seeder" + (e % 4), s.RandomTime(), s.Sentence(12));
            var t0 = seed.CreatedAt.AddSeconds(s.Uniform(20, 120));
            foreach (var a in amps.Where(_ => s.Uniform(0, 1) < 0.8))
                s.Add(a, t0.AddSeconds(s.Uniform(0, 40)), repostOf: seed.Id);
        }

        // Act
        var flagged = Flagged(s);

        // Assert
        Assert.True(amps.Count(flagged.Contains) >= 14, $"found {amps.Count(flagged.Contains)} of 15");
        Assert.Empty(flagged.Except(amps));
    }

    [Fact]
    public void Detect_CoLinkCampaign_Found()
    {
        // Arrange: 12 accounts post the same fresh URL within a minute, 15 times, in their own words.
        var s = new Scenario(2).WithOrganicBackground();
        var members = Scenario.Accounts("link", 12);
        for (var e = 0; e < 15; e++)
        {
            var url = $"https://campaign.example/a/{e}";
            var t0 = s.RandomTime();
            foreach (var a in members.Where(_ => s.Uniform(0, 1) < 0.75))
                s.Add(a, t0.AddSeconds(s.Uniform(0, 60)), s.Sentence(8) + " " + url, urls: [url]);
        }

        // Act
        var flagged = Flagged(s);

        // Assert
        Assert.True(members.Count(flagged.Contains) >= 11);
        Assert.Empty(flagged.Except(members));
    }

    [Fact]
    public void Detect_CopyPasta_FoundByNearDuplicateText()
    {
        // Arrange: 14 accounts post near-copies (one or two word edits) of 8 messages.
        var s = new Scenario(3).WithOrganicBackground();
        var members = Scenario.Accounts("copy", 14);
        for (var e = 0; e < 8; e++)
        {
            var words = s.Sentence(24).Split(' ');
            var t0 = s.RandomTime();
            foreach (var a in members.Where(_ => s.Uniform(0, 1) < 0.8))
            {
                var copy = (string[])words.Clone();
                copy[s.Next(copy.Length)] = "edited";
                s.Add(a, t0.AddSeconds(s.Uniform(0, 600)), string.Join(' ', copy));
            }
        }

        // Act
        var flagged = Flagged(s);

        // Assert
        Assert.True(members.Count(flagged.Contains) >= 13);
        Assert.Empty(flagged.Except(members));
    }

    [Fact]
    public void Detect_HashtagFlood_FoundByOrderedSequence()
    {
        // Arrange: 20 accounts post varied text with the same three hashtags, in four storms of an hour.
        var s = new Scenario(4).WithOrganicBackground();
        var members = Scenario.Accounts("flood", 20);
        string[] tags = ["StopThis", "SaveThat", "TruthNow"];
        for (var storm = 0; storm < 4; storm++)
        {
            var t0 = s.RandomTime();
            foreach (var a in members.Where(_ => s.Uniform(0, 1) < 0.85))
            {
                for (var k = 0; k < 3; k++)
                    s.Add(a, t0.AddSeconds(s.Uniform(0, 3600)), s.Sentence(7) + " #StopThis #SaveThat #TruthNow", hashtags: tags);
            }
        }

        // Act
        var flagged = Flagged(s);

        // Assert: a member in only one or two of the four storms has little to show (recall goal 0.8).
        Assert.True(members.Count(flagged.Contains) >= 17, $"found {members.Count(flagged.Contains)} of 20, flagged {flagged.Count}");
        Assert.Empty(flagged.Except(members));
    }

    [Fact]
    public void Detect_SleeperCohortCoReplying_Found()
    {
        // Arrange: 12 accounts created the same day a year ago, silent, then replying to the same posts of 3 authors.
        var s = new Scenario(5).WithOrganicBackground();
        var members = Scenario.Accounts("sleep", 12);
        var created = Scenario.Start.AddDays(-365).AddHours(3);
        for (var e = 0; e < 8; e++)
        {
            var target = s.Add("celeb" + (e % 3), s.RandomTime(day: 1 + (e % 2)), s.Sentence(10));
            foreach (var a in members.Where(_ => s.Uniform(0, 1) < 0.7))
                s.Add(a, target.CreatedAt.AddSeconds(s.Uniform(60, 400)), s.Sentence(6), replyTo: target.Id, created: created.AddMinutes(s.Next(300)));
        }

        // Act
        var flagged = Flagged(s);

        // Assert
        Assert.True(members.Count(flagged.Contains) >= 11);
        Assert.Empty(flagged.Except(members));
    }

    [Fact]
    public void Detect_OrganicViralCascades_NotFlagged()
    {
        // Arrange: 6 viral posts by 6 authors, each reposted by 250 random accounts over hours.
        var s = new Scenario(6).WithOrganicBackground(accounts: 1500);
        for (var v = 0; v < 6; v++)
        {
            var post = s.Add("star" + v, s.RandomTime(), s.Sentence(12));
            foreach (var a in s.Organic.OrderBy(_ => s.Next(1000)).Take(250))
                s.Add(a, post.CreatedAt.AddSeconds(Math.Exp(s.Uniform(2, 10))), repostOf: post.Id);
        }

        // Act
        var flagged = Flagged(s);

        // Assert
        Assert.Empty(flagged);
    }

    [Fact]
    public void Detect_NewsShareButtonBursts_NotFlagged()
    {
        // Arrange: 10 articles, each shared with its headline by 80 random readers within minutes.
        var s = new Scenario(7).WithOrganicBackground(accounts: 1500);
        for (var n = 0; n < 10; n++)
        {
            var url = $"https://news.example/n/{n}";
            var headline = s.Sentence(11);
            var t0 = s.RandomTime();
            foreach (var a in s.Organic.OrderBy(_ => s.Next(1000)).Take(80))
                s.Add(a, t0.AddSeconds(s.Uniform(0, 900)), headline + " " + url, urls: [url]);
        }

        // Act
        var flagged = Flagged(s);

        // Assert
        Assert.Empty(flagged);
    }

    [Fact]
    public void Detect_FandomRepostingIdol_NotFlagged()
    {
        // Arrange: 40 fans repost half of their idol's 30 posts within minutes (lognormal delay).
        var s = new Scenario(8).WithOrganicBackground();
        var fans = s.Organic.Take(40).ToList();
        for (var e = 0; e < 30; e++)
        {
            var post = s.Add("idol", s.RandomTime(), s.Sentence(12));
            foreach (var f in fans.Where(_ => s.Uniform(0, 1) < 0.5))
                s.Add(f, post.CreatedAt.AddSeconds(Math.Exp(s.Uniform(3.5, 7))), repostOf: post.Id);
        }

        // Act
        var flagged = Flagged(s);

        // Assert
        Assert.Empty(flagged);
    }
}
