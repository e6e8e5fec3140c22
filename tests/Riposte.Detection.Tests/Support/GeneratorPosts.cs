using Riposte.Analytics.Ingest;
using Riposte.Analytics.Posts;

namespace Riposte.Detection.Tests.Support;

/// <summary>Reads gen_posts.py's posts.ndjson with the analytics "microblog" reader; a rejected line fails loudly with its location.</summary>
public static class GeneratorPosts
{
    public static IEnumerable<Post> Read(string path)
    {
        using var stream = File.OpenRead(path);
        foreach (var record in PostFormats.ByName("microblog").Read(stream, path))
        {
            switch (record.Kind)
            {
                case RecordKind.Post:
                    yield return record.Post!;
                    break;
                case RecordKind.Rejected:
                    throw new InvalidDataException($"{record.Location}: {record.Reason}");
            }
        }
    }
}
