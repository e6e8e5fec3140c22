using System.Diagnostics;
using Riposte.Detection.Output;
using Riposte.Detection.Tests.Support;

namespace Riposte.Detection.Tests;

public sealed class EndToEndTests
{
    [Fact]
    public void Detect_Generator10k_AccountF1AboveFloorAndNoHardNegatives()
    {
        // Arrange: the shared generator at 10k posts (about a second).
        var dir = Directory.CreateTempSubdirectory("riposte-detect-").FullName;
        try
        {
            Generate(dir, seed: 4242);
            var truth = File.ReadLines(Path.Combine(dir, "truth_accounts.csv")).Skip(1).Select(l => l.Split(','))
                .Where(f => int.Parse(f[7], System.Globalization.CultureInfo.InvariantCulture) > 0)
                .ToDictionary(f => f[0], f => (Campaign: f[1] == "campaign", HardNegative: f[5].Length > 0));

            // Act
            var result = new CoordinationDetector().Detect(GeneratorPosts.Read(Path.Combine(dir, "posts.ndjson")));
            var files = DetectionOutputWriter.WriteAll(Path.Combine(dir, "out"), result, DateTimeOffset.UnixEpoch);

            // Assert
            var flagged = result.Clusters.SelectMany(c => c.Members).Select(m => m.AccountId).ToHashSet();
            var positives = truth.Count(t => t.Value.Campaign);
            var truePositives = flagged.Count(a => truth.TryGetValue(a, out var t) && t.Campaign);
            var precision = flagged.Count == 0 ? 0 : (double)truePositives / flagged.Count;
            var recall = (double)truePositives / positives;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            Assert.True(f1 >= 0.85, $"F1 {f1:F3} (P {precision:F3}, R {recall:F3})");
            Assert.Equal(0, flagged.Count(a => truth.TryGetValue(a, out var t) && t.HardNegative));
            Assert.All(files, f => Assert.True(new FileInfo(f).Length > 0, f));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static void Generate(string dir, int seed)
    {
        var start = new ProcessStartInfo("python3")
        {
            ArgumentList = { TestPaths.SharedFile("tools", "gen_posts.py"), "--scale", "10k", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", dir },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start python3 (needed to run gen_posts.py)");
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "gen_posts.py failed: " + error);
    }
}
