using System.Text;

namespace TenantGuard.Harness.Migrations;

/// <summary>
/// Reads a migration as strict UTF-8. A lenient decoder would turn a Latin-1 'é' into U+FFFD and the migration would
/// run with text nobody wrote; the server (client_encoding UTF8) and psql would reject the file instead, so it is an
/// error here too. A UTF-8 byte order mark is dropped, as editors and <c>dotnet ef</c> write one.
/// </summary>
internal static class Utf8MigrationText
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Read(string fullPath, string displayPath)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new HarnessException($"{displayPath}: cannot be read: {e.Message}", e);
        }

        return Decode(bytes, displayPath);
    }

    public static string Decode(byte[] bytes, string displayPath)
    {
        ReadOnlySpan<byte> byteOrderMark = [0xEF, 0xBB, 0xBF];
        var start = bytes.AsSpan().StartsWith(byteOrderMark) ? byteOrderMark.Length : 0;
        try
        {
            return Strict.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            // Index counts from the start of the decoded range, which begins after the byte order mark.
            var offset = Math.Clamp(start + e.Index, 0, Math.Max(bytes.Length - 1, 0));
            var line = 1 + bytes.AsSpan(0, offset).Count((byte)'\n');
            var invalid = e.BytesUnknown is { Length: > 0 } unknown ? unknown : [bytes[offset]];
            throw new HarnessException(
                $"{displayPath}: is not UTF-8: byte{(invalid.Length == 1 ? "" : "s")} {string.Join(" ", invalid.Select(b => $"0x{b:X2}"))} " +
                $"at byte offset {offset} (line {line}) {(invalid.Length == 1 ? "is" : "are")} not valid UTF-8. The server reads " +
                "migrations as UTF-8 and would reject this file; convert it to UTF-8 (e.g. iconv -f WINDOWS-1252 -t UTF-8) and run again.", e);
        }
    }
}
