using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Riposte.Access;
using Riposte.Access.Audit;
using Riposte.Reports;

namespace Riposte.Cli.Commands;

/// <summary><c>riposte report annual</c>: the annual report (HTML, PDF, charts as SVG/PNG/CSV) in one command.</summary>
public static class ReportCommand
{
    public static Command Create(CliGlobals globals)
    {
        var year = new Option<int>("--year") { Description = "The year the report covers", DefaultValueFactory = _ => DateTime.UtcNow.Year - 1 };
        var edition = new Option<string>("--edition") { Description = "public (TLP:CLEAR only) or members (what --as may see)", Required = true };
        edition.AcceptOnlyFromAmong("public", "members");
        var asOrganisation = new Option<string?>("--as") { Description = "Members' edition: the organisation (identity id or exact name) whose view to show; default: the node itself (everything)" };
        var foreword = new Option<string?>("--foreword") { Description = "Foreword (Markdown file)" };
        var inFocus = new Option<string[]>("--in-focus") { Description = "Case study (Markdown file); repeat for several", AllowMultipleArgumentsPerToken = true };
        var outlook = new Option<string?>("--outlook") { Description = "Outlook (Markdown file)" };
        var editorial = new Option<string?>("--editorial") { Description = "A folder with foreword.md, outlook.md and case studies (every other *.md, in name order)" };
        var noPdf = new Option<bool>("--no-pdf") { Description = "Skip report.pdf (no chromium needed)" };
        var output = new Option<string>("--out", "-o") { Description = "The folder to write into", Required = true };
        var annual = new Command("annual", "Write report.html, report.pdf and each chart as SVG, PNG and CSV")
        {
            year, edition, asOrganisation, foreword, inFocus, outlook, editorial, noPdf, output,
        };
        annual.SetAction(async (parse, cancellationToken) =>
        {
            var clock = Stopwatch.StartNew();
            var isPublic = parse.GetValue(edition) == "public";
            var content = Editorial(parse.GetValue(editorial), parse.GetValue(foreword), parse.GetValue(inFocus) ?? [], parse.GetValue(outlook));
            using var node = NodeSession.Open(globals, parse);
            var organisations = node.Get<OrganizationService>();
            var requester = Requester(organisations, parse.GetValue(asOrganisation), isPublic);
            var request = new AnnualReportRequest(parse.GetValue(year), isPublic ? ReportEdition.Public : ReportEdition.Members, requester, content, Pdf: !parse.GetValue(noPdf));
            var builder = new AnnualReportBuilder(node.Store, node.Get<IAccessGate>(), organisations);
            var outDir = parse.GetValue(output)!;
            var result = await builder.BuildAsync(request, outDir, cancellationToken);
            node.Get<IAuditLog>().Append(new AuditEvent(requester, AuditActions.Export, Allowed: true,
                Reason: $"annual report {request.Year} ({request.Edition}) to {outDir}", RemoteAddress: "cli"));
            foreach (var warning in result.Warnings)
                globals.Console.Warn(warning);
            globals.Console.Out.MarkupLineInterpolated(
                $"wrote {result.Files.Count.ToString(CultureInfo.InvariantCulture)} files to {outDir} in {clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s: {string.Join(", ", result.Files.Select(Path.GetFileName).Where(f => f!.StartsWith("report", StringComparison.Ordinal)))}");
            // A PDF was asked for and could not be printed: the environment lacks chromium, and scripts must see it.
            return result.Warnings.Count > 0 ? ExitCodes.UsageOrEnvironment : ExitCodes.Ok;
        });
        return new Command("report", "Reports") { annual };
    }

    private static EditorialContent Editorial(string? folder, string? foreword, string[] inFocus, string? outlook)
    {
        try
        {
            if (folder is not null && (foreword is not null || inFocus.Length > 0 || outlook is not null))
                throw new CliException("use either --editorial or --foreword/--in-focus/--outlook, not both");
            return folder is not null ? EditorialContent.FromDirectory(folder) : EditorialContent.FromFiles(foreword, inFocus, outlook);
        }
        catch (IOException e)
        {
            throw new CliException(e.Message);
        }
    }

    private static Principal Requester(OrganizationService organisations, string? organisation, bool isPublic)
    {
        if (organisation is null)
            return Principal.System;
        if (isPublic)
            throw new CliException("--as applies to the members' edition; the public edition always shows TLP:CLEAR only");
        var found = organisations.Get(organisation) ?? organisations.List().FirstOrDefault(o => string.Equals(o.Name, organisation, StringComparison.Ordinal))
            ?? throw new CliException($"no organisation '{organisation}' on this node; list them with 'riposte org list'");
        return new Principal("cli-report", found.Id, Role.Reader);
    }
}
