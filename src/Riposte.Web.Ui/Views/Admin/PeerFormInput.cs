using Microsoft.AspNetCore.Http;
using Riposte.Federation.Peers;
using Riposte.Storage.Federation;

namespace Riposte.Web.Ui.Views.Admin;

/// <summary>The peer form as the peer service takes it; the collections come as repeated <c>Peer.Out</c> / <c>Peer.In</c> values.</summary>
public static class PeerFormInput
{
    /// <summary>Input ids of the form named <paramref name="formName"/>, by the service's argument names.</summary>
    public static IReadOnlyDictionary<string, string> Fields(string formName) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Name"] = formName + "-name",
        ["Url"] = formName + "-url",
        ["OrganizationId"] = formName + "-organizationId",
        ["Token"] = formName + "-token",
        ["OutCollections"] = formName + "-out",
        ["InCollections"] = formName + "-in",
    };

    public static IReadOnlyList<string> Chosen(HttpContext? context, string field) =>
        context is { Request.HasFormContentType: true } ? [.. context.Request.Form["Peer." + field].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim())] : [];

    /// <summary>The agreement, or null when a field cannot be read (its message is given to <paramref name="error"/> by input id).</summary>
    public static PeerAgreementInput? Read(PeerForm form, string name, IReadOnlyList<string> outbound, IReadOnlyList<string> inbound, bool tokenRequired, string formName, Action<string, string> error)
    {
        var ok = true;
        void Fail(string field, string message)
        {
            ok = false;
            error(formName + "-" + field, message);
        }
        if (string.IsNullOrWhiteSpace(name))
            Fail("name", "is required");
        if (string.IsNullOrWhiteSpace(form.Url))
            Fail("url", "is required");
        if (string.IsNullOrWhiteSpace(form.OrganizationId))
            Fail("organizationId", "choose the peer's organisation");
        if (tokenRequired && string.IsNullOrWhiteSpace(form.Token))
            Fail("token", "is required");
        var outMax = AdminInput.Level(form.OutMax, m => Fail("outMax", m));
        var inMax = AdminInput.Level(form.InMax, m => Fail("inMax", m));
        return ok
            ? new PeerAgreementInput(name.Trim(), form.Url!.Trim(), form.OrganizationId!.Trim(), string.IsNullOrWhiteSpace(form.Token) ? null : form.Token.Trim(),
                outbound, inbound, outMax!.Value, inMax!.Value, form.Push)
            : null;
    }

    public static PeerForm From(PeerRecord peer) => new()
    {
        Name = peer.Name,
        Url = peer.Url,
        OrganizationId = peer.OrganizationId,
        OutMax = Riposte.Stix.Markings.TlpMarkings.Tlp2Value(peer.OutMax),
        InMax = Riposte.Stix.Markings.TlpMarkings.Tlp2Value(peer.InMax),
        Push = peer.Push,
    };
}
