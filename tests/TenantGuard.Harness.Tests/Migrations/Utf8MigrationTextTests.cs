using System.Text;
using TenantGuard.Harness.Migrations;
using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Migrations;

public sealed class Utf8MigrationTextTests
{
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    [Fact]
    public void A_latin1_byte_is_an_error_naming_its_byte_offset_and_line()
    {
        var before = Encoding.UTF8.GetBytes("-- 🚀 café\nCREATE TABLE t (note text DEFAULT '");
        byte[] bytes = [.. before, 0xE9, .. "');\n"u8];

        var error = Assert.Throws<HarnessException>(() => Utf8MigrationText.Decode(bytes, "db/001_t.sql"));

        Assert.Contains($"db/001_t.sql: is not UTF-8: byte 0xE9 at byte offset {before.Length} (line 2) is not valid UTF-8", error.Message);
        Assert.Contains("convert it to UTF-8", error.Message);
        Assert.IsType<DecoderFallbackException>(error.InnerException);
    }

    [Fact]
    public void The_offset_counts_the_byte_order_mark_as_the_file_does()
    {
        byte[] bytes = [.. ByteOrderMark, .. "SELECT 1;\nSELECT 'x"u8, 0xFF, .. "';\n"u8];

        var error = Assert.Throws<HarnessException>(() => Utf8MigrationText.Decode(bytes, "a.sql"));

        Assert.Contains("byte 0xFF at byte offset 22 (line 2)", error.Message);
        Assert.Equal(0xFF, bytes[22]);
    }

    [Fact]
    public void A_sequence_cut_off_at_the_end_is_named_whole()
    {
        byte[] bytes = [.. "SELECT 1; -- "u8, 0xE2, 0x82];

        var error = Assert.Throws<HarnessException>(() => Utf8MigrationText.Decode(bytes, "a.sql"));

        Assert.Contains("bytes 0xE2 0x82 at byte offset 13 (line 1) are not valid UTF-8", error.Message);
    }

    [Fact]
    public void A_byte_order_mark_is_dropped_and_valid_text_read_as_it_is()
    {
        Assert.Equal("SELECT 'é🚀';\n", Utf8MigrationText.Decode([.. ByteOrderMark, .. "SELECT 'é🚀';\n"u8], "a.sql"));
        Assert.Equal("", Utf8MigrationText.Decode([], "a.sql"));
    }

    [Fact]
    public void Loading_a_folder_with_a_latin1_file_fails_naming_the_file()
    {
        using var folder = MigrationsFolder.Create(("001_ok.sql", "CREATE TABLE t (id int);"));
        File.WriteAllBytes(Path.Combine(folder.Path, "002_latin1.sql"), [.. "INSERT INTO t VALUES (1); -- caf"u8, 0xE9, (byte)'\n']);

        var error = Assert.Throws<HarnessException>(() => MigrationLoader.Load(folder.Path, null));

        Assert.Contains("002_latin1.sql: is not UTF-8: byte 0xE9 at byte offset 32 (line 1)", error.Message);
    }
}
