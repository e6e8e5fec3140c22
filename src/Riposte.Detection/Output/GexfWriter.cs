using System.Globalization;
using System.Xml;

namespace Riposte.Detection.Output;

/// <summary>Writes the flagged accounts and their links as GEXF 1.3 for Gephi.</summary>
public static class GexfWriter
{
    private const string Ns = "http://gexf.net/1.3";

    public static void Write(Stream stream, IReadOnlyList<CoordinatedCluster> clusters, DateTimeOffset generated)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(clusters);
        var settings = new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) };
        using var w = XmlWriter.Create(stream, settings);
        w.WriteStartDocument();
        w.WriteStartElement("gexf", Ns);
        w.WriteAttributeString("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
        w.WriteAttributeString("xsi", "schemaLocation", "http://www.w3.org/2001/XMLSchema-instance", Ns + " " + Ns + "/gexf.xsd");
        w.WriteAttributeString("version", "1.3");

        w.WriteStartElement("meta", Ns);
        w.WriteAttributeString("lastmodifieddate", generated.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteElementString("creator", Ns, "Riposte coordination detector");
        w.WriteElementString("description", Ns, "Accounts flagged as coordinated; node attribute cluster, edge weight = combined signal similarity");
        w.WriteEndElement();

        w.WriteStartElement("graph", Ns);
        w.WriteAttributeString("defaultedgetype", "undirected");
        w.WriteAttributeString("mode", "static");
        WriteAttributes(w, "node", [("cluster", "string"), ("score", "double"), ("handle", "string"), ("created_at", "string"), ("posts", "integer")]);
        var signals = Enum.GetValues<SignalKind>();
        WriteAttributes(w, "edge", [.. signals.Select(s => (SignalNames.Of(s), "double"))]);

        w.WriteStartElement("nodes", Ns);
        foreach (var c in clusters)
        {
            foreach (var m in c.Members)
            {
                w.WriteStartElement("node", Ns);
                w.WriteAttributeString("id", m.AccountId);
                w.WriteAttributeString("label", m.Handle ?? m.AccountId);
                w.WriteStartElement("attvalues", Ns);
                Value(w, 0, c.Id);
                Value(w, 1, Number(c.Score));
                Value(w, 2, m.Handle ?? "");
                Value(w, 3, m.CreatedAt is { } created ? ClustersJsonWriter.Time(created) : "");
                Value(w, 4, m.Posts.ToString(CultureInfo.InvariantCulture));
                w.WriteEndElement();
                w.WriteEndElement();
            }
        }
        w.WriteEndElement();

        w.WriteStartElement("edges", Ns);
        var edgeId = 0;
        foreach (var link in clusters.SelectMany(c => c.Links))
        {
            w.WriteStartElement("edge", Ns);
            w.WriteAttributeString("id", (edgeId++).ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("source", link.AccountA);
            w.WriteAttributeString("target", link.AccountB);
            w.WriteAttributeString("weight", Number(link.Weight));
            w.WriteStartElement("attvalues", Ns);
            for (var s = 0; s < signals.Length; s++)
            {
                if (link.Signals.TryGetValue(signals[s], out var v))
                    Value(w, s, Number(v));
            }
            w.WriteEndElement();
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndDocument();
    }

    private static void WriteAttributes(XmlWriter w, string cls, IReadOnlyList<(string Title, string Type)> attributes)
    {
        w.WriteStartElement("attributes", Ns);
        w.WriteAttributeString("class", cls);
        for (var i = 0; i < attributes.Count; i++)
        {
            w.WriteStartElement("attribute", Ns);
            w.WriteAttributeString("id", i.ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("title", attributes[i].Title);
            w.WriteAttributeString("type", attributes[i].Type);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static void Value(XmlWriter w, int attribute, string value)
    {
        w.WriteStartElement("attvalue", Ns);
        w.WriteAttributeString("for", attribute.ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("value", value);
        w.WriteEndElement();
    }

    private static string Number(double d) => d.ToString("0.######", CultureInfo.InvariantCulture);
}
