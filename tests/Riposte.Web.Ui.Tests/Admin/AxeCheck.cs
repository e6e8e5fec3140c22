using PuppeteerSharp;
using Riposte.Testing;

namespace Riposte.Web.Ui.Tests.Admin;

/// <summary>
/// Deque's axe-core (a dev dependency of the UI project, installed by its build) run in the page: the
/// WCAG 2.1 A and AA rules it can decide automatically — labels, names, contrast, landmarks, ARIA.
/// </summary>
internal static class AxeCheck
{
    private static readonly Lazy<string> Source = new(() =>
    {
        var path = Path.Combine(TestPaths.Repository, "src", "Riposte.Web.Ui", "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path) ? File.ReadAllText(path) : throw new InvalidOperationException($"axe-core not found at {path}: build src/Riposte.Web.Ui (its build runs npm ci)");
    });

    /// <summary>Each violation as "rule: help — selectors of the offending elements"; a run that checked no rule counts as one.</summary>
    public static async Task<string[]> ViolationsAsync(IPage page)
    {
        // Evaluated over the DevTools protocol, so the page's Content-Security-Policy (scripts from the site only) stays as served.
        await page.EvaluateExpressionAsync(Source.Value);
        return await page.EvaluateExpressionAsync<string[]>(
            "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })" +
            ".then(r => r.passes.length === 0 ? ['axe-core passed no rule: it did not run'] : " +
            "r.violations.map(v => v.id + ': ' + v.help + ' — ' + v.nodes.map(n => n.target.join(' ')).join(', ')))");
    }
}
