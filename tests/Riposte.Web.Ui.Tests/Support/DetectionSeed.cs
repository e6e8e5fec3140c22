using System.Globalization;
using Riposte.Analytics.Posts;
using Riposte.Detection;
using Riposte.Detection.Output;
using Riposte.Stix;
using Riposte.Storage;

namespace Riposte.Web.Ui.Tests.Support;

/// <summary>Runs the real detector over six accounts pushing the same links, stores its STIX bundle and returns the cluster's grouping id.</summary>
internal static class DetectionSeed
{
    public static string Into(IStixStore store)
    {
        var start = new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero);
        var posts = new List<Post>();
        var n = 0;
        for (var link = 0; link < 6; link++)
        {
            for (var account = 0; account < 6; account++)
            {
                posts.Add(new Post
                {
                    Platform = "telegram",
                    Id = (++n).ToString(CultureInfo.InvariantCulture),
                    AuthorId = "bot" + account.ToString(CultureInfo.InvariantCulture),
                    AuthorHandle = "dam_bot_" + account.ToString(CultureInfo.InvariantCulture),
                    CreatedAt = start.AddHours(link * 3).AddMinutes((account + link) % 6),
                    Text = "The dam will fail, the memo proves it " + link.ToString(CultureInfo.InvariantCulture),
                    Urls = [$"https://fake-news.example/dam/{link}"],
                });
            }
        }
        for (var other = 0; other < 30; other++)
        {
            posts.Add(new Post
            {
                Platform = "telegram",
                Id = (++n).ToString(CultureInfo.InvariantCulture),
                AuthorId = "user" + other.ToString(CultureInfo.InvariantCulture),
                CreatedAt = start.AddMinutes(other * 41),
                Text = "ordinary post " + other.ToString(CultureInfo.InvariantCulture),
                Urls = [$"https://blog.example/{other}"],
            });
        }
        var result = new CoordinationDetector().Detect(posts);
        var bundle = StixBundleBuilder.Build(result.Clusters, start.AddDays(1));
        var objects = bundle["objects"]!.AsArray().Select(o => new StixObject(o!.AsObject().DeepClone().AsObject())).ToList();
        store.Put(objects);
        return objects.First(o => o.Type == "grouping").Id;
    }
}
