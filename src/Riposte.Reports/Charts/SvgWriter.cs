using System.Globalization;
using System.Text;

namespace Riposte.Reports.Charts;

/// <summary>A tiny SVG writer: invariant numbers, escaped text, the same bytes for the same calls.</summary>
internal sealed class SvgWriter
{
    public const string Font = "DejaVu Sans, Liberation Sans, Arial, sans-serif";
    private readonly StringBuilder _svg = new();

    public SvgWriter(string id, double width, double height, string title, string description)
    {
        _svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{N(width)}\" height=\"{N(height)}\" viewBox=\"0 0 {N(width)} {N(height)}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" font-family=\"{Font}\">");
        _svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{Escape(title)}</title><desc id=\"{id}-desc\">{Escape(description)}</desc>");
        Rect(0, 0, width, height, "#ffffff");
    }

    public void Rect(double x, double y, double w, double h, string fill, string? tooltip = null)
    {
        _svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(w)}\" height=\"{N(h)}\" fill=\"{fill}\"");
        if (tooltip is null)
            _svg.Append("/>");
        else
            _svg.Append("><title>").Append(Escape(tooltip)).Append("</title></rect>");
    }

    public void Line(double x1, double y1, double x2, double y2, string stroke) =>
        _svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" stroke=\"{stroke}\" stroke-width=\"1\"/>");

    public void Text(double x, double y, string text, double size = 12, string anchor = "start", string fill = "#1a1a1a", bool bold = false) =>
        _svg.Append(CultureInfo.InvariantCulture,
            $"<text x=\"{N(x)}\" y=\"{N(y)}\" font-size=\"{N(size)}\" text-anchor=\"{anchor}\" fill=\"{fill}\"{(bold ? " font-weight=\"bold\"" : "")}>{Escape(text)}</text>");

    public override string ToString() => _svg + "</svg>";

    /// <summary>Shortens a label to about <paramref name="max"/> characters so it fits its column.</summary>
    public static string Fit(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    public static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
}
