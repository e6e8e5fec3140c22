using System.Globalization;
using Riposte.Analytics.Posts;
using Riposte.Detection;
using Riposte.Detection.Output;
using Riposte.Stix;
using Riposte.Storage;

namespace Riposte.Incidents.Tests.Support;

/// <summary>
/// Runs the real detector over posts in which eight accounts push the same links within minutes of
/// each other (among background accounts posting their own), and stores the STIX bundle it writes.
/// </summary>
internal static class DetectionRun
{
    public static IReadOnlyList<StixObject> DetectInto(IStixStore store)
    {
        var start = new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero);
        var posts = new List<Post>();
        var n = 0;
        for (var link = 0; link < 6; link++)
        {
            for (var account = 0; account < 8; account++)
            {
                posts.Add(new Post
                {
                    Platform = "telegram",
                    Id = (++n).ToString(CultureInfo.InvariantCulture),
                    AuthorId = "bot" + account.ToString(CultureInfo.InvariantCulture),
                    AuthorHandle = "bot_" + account.ToString(CultureInfo.InvariantCulture),
                    CreatedAt = start.AddHours(link * 3).AddMinutes((account + link) % 8),
                    Text = "Ministry confirms the vote will be postponed " + link.ToString(CultureInfo.InvariantCulture),
                    Urls = [$"https://fake-ministry.example/news/{link}"],
                });
            }
        }
        for (var other = 0; other < 40; other++)
        {
            posts.Add(new Post
            {
                Platform = "telegram",
                Id = (++n).ToString(CultureInfo.InvariantCulture),
                AuthorId = "user" + other.ToString(CultureInfo.InvariantCulture),
                CreatedAt = start.AddMinutes(other * 37),
                Text = "my own thoughts number " + other.ToString(CultureInfo.InvariantCulture),
                Urls = [$"https://blog.example/{other}"],
            });
        }
        var result = new CoordinationDetector().Detect(posts);
        var bundle = StixBundleBuilder.Build(result.Clusters, start.AddDays(1));
        var objects = bundle["objects"]!.AsArray().Select(o => new StixObject(o!.AsObject().DeepClone().AsObject())).ToList();
        store.Put(objects);
        return objects;
    }
}
