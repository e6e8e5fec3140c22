using System.Text.Json.Nodes;

namespace Riposte.Stix.Tests;

/// <summary>One valid object of every type the validator knows, modelled on the specification's examples.</summary>
internal static class Samples
{
    public const string IdentityId = "identity--311b2d2d-f010-4473-83ec-1edf84858f4c";
    public const string CampaignId = "campaign--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f";
    public const string IndicatorId = "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f";
    public const string MalwareId = "malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b";
    public const string ObservedDataId = "observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf";
    public const string SoftwareId = "software--a1827f6d-ca53-5605-9e93-4316cd22a00a";
    public const string Ipv4Id = "ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4";

    private const string Sdo = """ "spec_version":"2.1","created_by_ref":"identity--311b2d2d-f010-4473-83ec-1edf84858f4c","created":"2016-04-06T20:03:48.000Z","modified":"2016-04-06T20:03:48.000Z" """;

    private static readonly Dictionary<string, string> Json = new(StringComparer.Ordinal)
    {
        ["attack-pattern"] = $$"""{"type":"attack-pattern","id":"attack-pattern--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061",{{Sdo}},"name":"Spear Phishing","kill_chain_phases":[{"kill_chain_name":"mitre-attack","phase_name":"initial-access"}],"external_references":[{"source_name":"capec","external_id":"CAPEC-163"}]}""",
        ["campaign"] = $$"""{"type":"campaign","id":"{{CampaignId}}",{{Sdo}},"name":"Green Group Attacks Against Finance","first_seen":"2016-04-06T20:03:48Z","last_seen":"2016-05-06T20:03:48Z"}""",
        ["course-of-action"] = $$"""{"type":"course-of-action","id":"course-of-action--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",{{Sdo}},"name":"Add TCP port 80 Filter Rule to the existing Block UDP 1434 Filter","description":"This is how to add a filter rule to block inbound access to TCP port 80 to the existing UDP 1434 filter ..."}""",
        ["grouping"] = $$"""{"type":"grouping","id":"grouping--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3",{{Sdo}},"name":"The Black Vine Cyberespionage Group","context":"suspicious-activity","object_refs":["{{IndicatorId}}","{{CampaignId}}"]}""",
        ["identity"] = $$"""{"type":"identity","id":"{{IdentityId}}","spec_version":"2.1","created":"2015-12-21T19:59:11.000Z","modified":"2015-12-21T19:59:11.000Z","name":"John Smith","identity_class":"individual","sectors":["government-national"]}""",
        ["incident"] = $$"""{"type":"incident","id":"incident--0b4a6f0e-3c1d-4a49-9c5b-2d2e0f6f1a11",{{Sdo}},"name":"Coordinated inauthentic amplification","description":"Network of accounts amplifying a forged document"}""",
        ["indicator"] = $$"""{"type":"indicator","id":"{{IndicatorId}}",{{Sdo}},"indicator_types":["malicious-activity"],"name":"Poison Ivy Malware","pattern":"[file:hashes.'SHA-256' = '4bac27393bdd9777ce02453256c5577cd02275510b2227f473d03f533924f877']","pattern_type":"stix","valid_from":"2016-01-01T00:00:00Z"}""",
        ["infrastructure"] = $$"""{"type":"infrastructure","id":"infrastructure--38c47d93-d984-4fd9-b87b-d69d0841628d",{{Sdo}},"name":"Poison Ivy C2","infrastructure_types":["command-and-control"]}""",
        ["intrusion-set"] = $$"""{"type":"intrusion-set","id":"intrusion-set--4e78f46f-a023-4e5f-bc24-71b3ca22ec29",{{Sdo}},"name":"Bobcat Breakin","description":"Incidents usually feature a shared TTP of a bobcat being released within the building containing network access, scaring users to leave their computers without locking them first. Still determining where the threat actors are getting the bobcats.","aliases":["Zookeeper"],"goals":["acquisition-theft","harassment","damage"]}""",
        ["location"] = $$"""{"type":"location","id":"location--a6e9345f-5a15-4c29-8bb3-7dcc5d168d64",{{Sdo}},"region":"south-eastern-asia","country":"TH","administrative_area":"Tak","postal_code":"63170","latitude":16.8,"longitude":98.6,"precision":1000.0}""",
        ["malware"] = $$"""{"type":"malware","id":"{{MalwareId}}",{{Sdo}},"name":"Cryptolocker","description":"A variant of the cryptolocker family","malware_types":["ransomware"],"is_family":false,"sample_refs":["file--f8f9d6b0-3f1a-5c2e-9d2a-5b5c5f0a1b2c"]}""",
        ["malware-analysis"] = $$"""{"type":"malware-analysis","id":"malware-analysis--d25167b7-fed0-4068-9ccd-a73dd2c5b07c",{{Sdo}},"product":"microsoft","analysis_engine_version":"5.1.0","analysis_definition_version":"053913a1-1e0a-4fec-a2a5-a4b5a2c3de42","analysis_started":"2012-02-11T08:36:14Z","analysis_ended":"2012-02-11T08:36:14Z","result":"malicious","analysis_sco_refs":["file--f8f9d6b0-3f1a-5c2e-9d2a-5b5c5f0a1b2c"],"host_vm_ref":"{{SoftwareId}}"}""",
        ["note"] = $$"""{"type":"note","id":"note--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061",{{Sdo}},"abstract":"Tracking Team Note#1","content":"This note indicates the various steps taken by the threat analyst team to investigate this specific campaign.","authors":["John Doe"],"object_refs":["{{CampaignId}}"]}""",
        ["observed-data"] = $$"""{"type":"observed-data","id":"{{ObservedDataId}}",{{Sdo}},"first_observed":"2015-12-21T19:00:00Z","last_observed":"2015-12-21T19:00:00Z","number_observed":50,"object_refs":["{{Ipv4Id}}","domain-name--ecb120bf-2694-4902-a737-62b74539a41b"]}""",
        ["opinion"] = $$"""{"type":"opinion","id":"opinion--b01efc25-77b4-4003-b18b-f6e24b5cd9f7",{{Sdo}},"object_refs":["relationship--16d2358f-3b0d-4c88-b047-0da2f7ed4471"],"opinion":"strongly-disagree","explanation":"This doesn't seem like it is feasible."}""",
        ["report"] = $$"""{"type":"report","id":"report--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3",{{Sdo}},"name":"The Black Vine Cyberespionage Group","published":"2016-01-20T17:00:00.000Z","report_types":["campaign"],"object_refs":["{{IndicatorId}}","{{CampaignId}}","relationship--f82356ae-fe6c-437c-9c24-6b64314ae68a"]}""",
        ["threat-actor"] = $$"""{"type":"threat-actor","id":"threat-actor--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",{{Sdo}},"threat_actor_types":["crime-syndicate"],"name":"Evil Org","description":"The Evil Org threat actor group","aliases":["Syndicate 1","Evil Syndicate 99"],"roles":["director"],"goals":["Steal bank money","Steal credit cards"],"sophistication":"advanced","resource_level":"team","primary_motivation":"organizational-gain"}""",
        ["tool"] = $$"""{"type":"tool","id":"tool--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",{{Sdo}},"tool_types":["remote-access"],"name":"VNC"}""",
        ["vulnerability"] = $$"""{"type":"vulnerability","id":"vulnerability--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061",{{Sdo}},"name":"CVE-2016-1234","external_references":[{"source_name":"cve","external_id":"CVE-2016-1234"}]}""",
        ["relationship"] = $$"""{"type":"relationship","id":"relationship--57b56a43-b8b0-4cba-9deb-34e3e1faed9e",{{Sdo}},"relationship_type":"indicates","source_ref":"{{IndicatorId}}","target_ref":"{{MalwareId}}"}""",
        ["sighting"] = $$"""{"type":"sighting","id":"sighting--ee20065d-2555-424f-ad9e-0f8428623c75",{{Sdo}},"first_seen":"2015-12-21T19:00:00Z","last_seen":"2015-12-21T19:00:00Z","count":50,"sighting_of_ref":"{{IndicatorId}}","observed_data_refs":["{{ObservedDataId}}"],"where_sighted_refs":["{{IdentityId}}"]}""",
        ["marking-definition"] = """{"type":"marking-definition","spec_version":"2.1","id":"marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da","created":"2017-01-20T00:00:00.000Z","definition_type":"tlp","name":"TLP:GREEN","definition":{"tlp":"green"}}""",
        ["extension-definition"] = $$"""{"type":"extension-definition","id":"extension-definition--9c59fd79-4215-4ba2-920d-3e4f320e1e62",{{Sdo}},"name":"New SDO 1","description":"This schema creates a new object type called my-favorite-sdo-1","schema":"https://www.example.com/schema-my-favorite-sdo-1/v1/","version":"1.2.1","extension_types":["new-sdo"]}""",
        ["language-content"] = "{\"type\":\"language-content\",\"id\":\"language-content--b86bd89f-98bb-4fa9-8cb2-9ad421da981d\"," + Sdo + ",\"object_ref\":\"" + CampaignId + "\"," + """ "object_modified":"2017-02-08T21:31:22.007Z","contents":{"de":{"name":"Bank Angriff 1","description":"Weitere Informationen über Banküberfall"},"fr":{"name":"Attaque Bank 1","description":"Plus d'informations sur la crise bancaire"}}}""",
        ["bundle"] = "{\"type\":\"bundle\",\"id\":\"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d\",\"objects\":[{\"type\":\"identity\",\"id\":\"" + IdentityId + "\"," + """ "spec_version":"2.1","created":"2015-12-21T19:59:11.000Z","modified":"2015-12-21T19:59:11.000Z","name":"John Smith","identity_class":"individual"}]}""",
        ["artifact"] = """{"type":"artifact","spec_version":"2.1","mime_type":"image/jpeg","payload_bin":"VBORw0KGgoAAAANSUhEUgAAADI=="}""",
        ["autonomous-system"] = """{"type":"autonomous-system","spec_version":"2.1","number":15139,"name":"Slime Industries","rir":"ARIN"}""",
        ["directory"] = """{"type":"directory","spec_version":"2.1","path":"C:\\Windows\\System32"}""",
        ["domain-name"] = """{"type":"domain-name","spec_version":"2.1","value":"example.com"}""",
        ["email-addr"] = """{"type":"email-addr","spec_version":"2.1","value":"john@example.com","display_name":"John Doe"}""",
        ["email-message"] = """{"type":"email-message","spec_version":"2.1","from_ref":"email-addr--9b7e29b3-fd8d-562e-b3f0-8fc8134f5dda","to_refs":["email-addr--d1b3bf0c-f02a-51a1-8102-11aba7959868"],"is_multipart":false,"date":"1997-11-21T15:55:06.000Z","subject":"Saying Hello"}""",
        ["file"] = """{"type":"file","spec_version":"2.1","hashes":{"SHA-256":"fe90a7e910cb3a4739bed9180e807e93fa70c90f25a8915476f5e4bfbac681db"},"size":25536,"name":"foo.dll"}""",
        ["ipv4-addr"] = """{"type":"ipv4-addr","spec_version":"2.1","value":"198.51.100.3"}""",
        ["ipv6-addr"] = """{"type":"ipv6-addr","spec_version":"2.1","value":"2001:0db8:85a3:0000:0000:8a2e:0370:7334"}""",
        ["mac-addr"] = """{"type":"mac-addr","spec_version":"2.1","value":"d2:fb:49:24:37:18"}""",
        ["mutex"] = """{"type":"mutex","spec_version":"2.1","name":"__CLEANSWEEP__"}""",
        ["network-traffic"] = """{"type":"network-traffic","spec_version":"2.1","src_ref":"ipv4-addr--4d22aae0-2bf9-5427-8819-e4f6abf20a53","dst_ref":"ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd","protocols":["ipv4","tcp"],"dst_port":443}""",
        ["process"] = """{"type":"process","spec_version":"2.1","id":"process--f52a906a-0dfc-40bd-92f1-e7778ead38a9","pid":1221,"command_line":"./gedit-bin --new-window","image_ref":"file--e04f22d1-be2c-59de-add8-10f61d15fe20"}""",
        ["software"] = """{"type":"software","spec_version":"2.1","name":"Word","cpe":"cpe:2.3:a:microsoft:word:2000:*:*:*:*:*:*:*","version":"2002","vendor":"Microsoft"}""",
        ["url"] = """{"type":"url","spec_version":"2.1","value":"https://example.com/research/index.html"}""",
        ["user-account"] = """{"type":"user-account","spec_version":"2.1","user_id":"1001","account_login":"jdoe","account_type":"unix","display_name":"John Doe","is_service_account":false,"is_privileged":false,"can_escalate_privs":true,"account_created":"2016-01-20T12:31:12Z","credential_last_changed":"2016-01-20T14:27:43Z","account_first_login":"2016-01-20T14:26:07Z","account_last_login":"2016-07-22T16:08:28Z"}""",
        ["windows-registry-key"] = """{"type":"windows-registry-key","spec_version":"2.1","key":"hkey_local_machine\\system\\bar\\foo","values":[{"name":"Foo","data":"qwerty","data_type":"REG_SZ"}]}""",
        ["x509-certificate"] = """{"type":"x509-certificate","spec_version":"2.1","issuer":"C=ZA, ST=Western Cape, L=Cape Town, O=Thawte Consulting cc, OU=Certification Services Division, CN=Thawte Server CA/emailAddress=server-certs@thawte.com","validity_not_before":"2016-03-12T12:00:00Z","validity_not_after":"2016-08-21T12:00:00Z","subject":"C=US, ST=Maryland, L=Pasadena, O=Brent Baccala, OU=FreeSoft, CN=www.freesoft.org/emailAddress=baccala@freesoft.org","serial_number":"36:f7:d4:32:f4:ab:70:ea:d3:ce:98:6e:ea:99:93:49:32:0a:b7:06"}""",
    };

    public static IEnumerable<string> Types => Json.Keys;

    public static TheoryData<string> AllTypes => new(Json.Keys);

    /// <summary>A fresh, mutable copy of the valid sample of <paramref name="type"/>; SCOs get their deterministic id.</summary>
    public static JsonObject Of(string type)
    {
        var obj = JsonNode.Parse(Json[type])!.AsObject();
        if (!obj.ContainsKey("id"))
        {
            var id = ScoIds.Compute(obj) ?? StixIds.New(type);
            var ordered = new JsonObject { ["type"] = type, ["id"] = id };
            foreach (var (key, value) in obj.ToArray())
            {
                obj.Remove(key);
                if (key != "type")
                    ordered[key] = value;
            }
            return ordered;
        }
        return obj;
    }
}
