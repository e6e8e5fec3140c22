using PuppeteerSharp;

namespace Riposte.Web.Ui.Tests.Support;

/// <summary>
/// Debian's chromium driven by PuppeteerSharp (no browser download). Screenshots go to
/// TestResults/screenshots beside the test assembly, kept as test artefacts.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    public const string ChromiumVariable = "RIPOSTE_CHROMIUM";
    private readonly IBrowser _browser;

    private Chromium(IBrowser browser) => _browser = browser;

    /// <summary>The chromium executable: RIPOSTE_CHROMIUM, else /usr/bin/chromium (installed by .ci/run); null when absent.</summary>
    public static string? Executable =>
        new[] { Environment.GetEnvironmentVariable(ChromiumVariable), "/usr/bin/chromium", "/usr/bin/chromium-browser" }
            .FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public static async Task<Chromium> LaunchAsync()
    {
        var executable = Executable ?? throw new InvalidOperationException($"chromium not found: install it (apt-get install -y chromium) or set {ChromiumVariable}");
        var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            // Containers and CI runners have no user namespaces for chromium's sandbox.
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
            DefaultViewport = new ViewPortOptions { Width = 1400, Height = 1000 },
        });
        Directory.CreateDirectory(ScreenshotFolder);
        return new Chromium(browser);
    }

    /// <summary>A fresh incognito context: its own cookies, as a different person at another desk.</summary>
    public async Task<IPage> NewSessionAsync()
    {
        var context = await _browser.CreateBrowserContextAsync();
        var page = await context.NewPageAsync();
        page.DefaultTimeout = 30_000;
        page.DefaultNavigationTimeout = 30_000;
        return page;
    }

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(Path.Combine(ScreenshotFolder, name + ".png"), new ScreenshotOptions { FullPage = true });

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _browser.Dispose();
    }
}
