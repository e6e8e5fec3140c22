using System.Diagnostics;
using System.Globalization;

namespace Riposte.Testing;

/// <summary>Runs ../shared/tools/gen_posts.py: a deterministic synthetic export with planted campaigns (posts.ndjson, campaigns.json…).</summary>
internal static class PostGenerator
{
    public static void Generate(string folder, int seed, string scale = "10k")
    {
        var start = new ProcessStartInfo("python3")
        {
            ArgumentList = { TestPaths.SharedFile("tools", "gen_posts.py"), "--scale", scale, "--seed", seed.ToString(CultureInfo.InvariantCulture), "--out", folder },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"gen_posts.py exited {process.ExitCode}: {error}");
    }
}
