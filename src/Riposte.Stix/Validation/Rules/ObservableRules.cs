using System.Collections.Frozen;
using static Riposte.Stix.Validation.Rules.Vocabularies;

namespace Riposte.Stix.Validation.Rules;

/// <summary>The property tables of the STIX Cyber-observable Objects (STIX 2.1 section 6).</summary>
internal static class ObservableRules
{
    public static IEnumerable<TypeRule> All()
    {
        yield return Sco("artifact", P.Str("mime_type"), P.Binary("payload_bin"), P.Url("url"), P.Hashes(),
            P.Enum("encryption_algorithm", EncryptionAlgorithm), P.Str("decryption_key")) with { CrossChecks = CrossPropertyRules.Artifact };
        yield return Sco("autonomous-system", P.Int("number").Req().AtLeast(0), P.Str("name"), P.Str("rir"));
        yield return Sco("directory", P.Str("path").Req(), P.Str("path_enc"), P.Time("ctime"), P.Time("mtime"), P.Time("atime"),
            P.Refs("contains_refs", "file", "directory"));
        yield return Sco("domain-name", P.Str("value").Req(), P.Refs("resolves_to_refs", "ipv4-addr", "ipv6-addr", "domain-name"));
        yield return Sco("email-addr", P.Of("value", PropertyKind.EmailAddress).Req(), P.Str("display_name"),
            P.Ref("belongs_to_ref", "user-account"));
        yield return Sco("email-message", P.Bool("is_multipart").Req(), P.Time("date"), P.Str("content_type"),
            P.Ref("from_ref", "email-addr"), P.Ref("sender_ref", "email-addr"), P.Refs("to_refs", "email-addr"),
            P.Refs("cc_refs", "email-addr"), P.Refs("bcc_refs", "email-addr"), P.Str("message_id"), P.Str("subject"),
            P.Strs("received_lines"), P.Dict("additional_header_fields"), P.Str("body"), P.Objs("body_multipart"),
            P.Ref("raw_email_ref", "artifact"));
        yield return Sco("file", P.Hashes(), P.Int("size").AtLeast(0), P.Str("name"), P.Str("name_enc"),
            P.Hex("magic_number_hex"), P.Str("mime_type"), P.Time("ctime"), P.Time("mtime"), P.Time("atime"),
            P.Ref("parent_directory_ref", "directory"), P.Refs("contains_refs", RefTarget.Sco), P.Ref("content_ref", "artifact"))
            with
            {
                CrossChecks = CrossPropertyRules.File,
                PredefinedExtensions = Names("archive-ext", "ntfs-ext", "pdf-ext", "raster-image-ext", "windows-pebinary-ext"),
            };
        yield return Sco("ipv4-addr", P.Of("value", PropertyKind.Ipv4).Req(), P.Refs("resolves_to_refs", "mac-addr"),
            P.Refs("belongs_to_refs", "autonomous-system"));
        yield return Sco("ipv6-addr", P.Of("value", PropertyKind.Ipv6).Req(), P.Refs("resolves_to_refs", "mac-addr"),
            P.Refs("belongs_to_refs", "autonomous-system"));
        yield return Sco("mac-addr", P.Of("value", PropertyKind.MacAddress).Req());
        yield return Sco("mutex", P.Str("name").Req());
        yield return Sco("network-traffic", P.Time("start"), P.Time("end"), P.Bool("is_active"),
            P.Ref("src_ref", "ipv4-addr", "ipv6-addr", "mac-addr", "domain-name"),
            P.Ref("dst_ref", "ipv4-addr", "ipv6-addr", "mac-addr", "domain-name"),
            P.Int("src_port").Range(0, 65535), P.Int("dst_port").Range(0, 65535), P.Strs("protocols").Req(),
            P.Int("src_byte_count").AtLeast(0), P.Int("dst_byte_count").AtLeast(0), P.Int("src_packets").AtLeast(0),
            P.Int("dst_packets").AtLeast(0), P.Dict("ipfix"), P.Ref("src_payload_ref", "artifact"),
            P.Ref("dst_payload_ref", "artifact"), P.Refs("encapsulates_refs", "network-traffic"),
            P.Ref("encapsulated_by_ref", "network-traffic"))
            with
            {
                Orderings = [("start", "end", false)],
                PredefinedExtensions = Names("http-request-ext", "icmp-ext", "socket-ext", "tcp-ext"),
            };
        yield return Sco("process", P.Bool("is_hidden"), P.Int("pid"), P.Time("created_time"), P.Str("cwd"),
            P.Str("command_line"), P.Dict("environment_variables"), P.Refs("opened_connection_refs", "network-traffic"),
            P.Ref("creator_user_ref", "user-account"), P.Ref("image_ref", "file"), P.Ref("parent_ref", "process"),
            P.Refs("child_refs", "process")) with { PredefinedExtensions = Names("windows-process-ext", "windows-service-ext") };
        yield return Sco("software", P.Str("name").Req(), P.Str("cpe"), P.Str("swid"), P.Strs("languages"), P.Str("vendor"),
            P.Str("version"));
        yield return Sco("url", P.Url("value").Req());
        yield return Sco("user-account", P.Str("user_id"), P.Str("credential"), P.Str("account_login"),
            P.Ov("account_type", AccountType), P.Str("display_name"), P.Bool("is_service_account"), P.Bool("is_privileged"),
            P.Bool("can_escalate_privs"), P.Bool("is_disabled"), P.Time("account_created"), P.Time("account_expires"),
            P.Time("credential_last_changed"), P.Time("account_first_login"), P.Time("account_last_login"))
            with { PredefinedExtensions = Names("unix-account-ext") };
        yield return Sco("windows-registry-key", P.Str("key"), P.Objs("values"), P.Time("modified_time"),
            P.Ref("creator_user_ref", "user-account"), P.Int("number_of_subkeys").AtLeast(0))
            with { CrossChecks = CrossPropertyRules.WindowsRegistryKey };
        yield return Sco("x509-certificate", P.Bool("is_self_signed"), P.Hashes(), P.Str("version"), P.Str("serial_number"),
            P.Str("signature_algorithm"), P.Str("issuer"), P.Time("validity_not_before"), P.Time("validity_not_after"),
            P.Str("subject"), P.Str("subject_public_key_algorithm"), P.Str("subject_public_key_modulus"),
            P.Int("subject_public_key_exponent"), P.Obj("x509_v3_extensions"))
            with { Orderings = [("validity_not_before", "validity_not_after", false)] };
    }

    private static FrozenSet<string> Names(params string[] names) => names.ToFrozenSet(StringComparer.Ordinal);

    private static TypeRule Sco(string type, params PropertyRule[] properties) =>
        new(type, StixCategory.CyberObservable, [.. CommonProperties.Observable(type), .. properties]);
}
