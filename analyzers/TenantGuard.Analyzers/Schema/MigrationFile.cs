using Microsoft.CodeAnalysis.Text;

namespace TenantGuard.Analyzers.Schema
{
    /// <summary>One *.sql AdditionalFile: its path, text and content checksum.</summary>
    internal sealed class MigrationFile
    {
        public MigrationFile(string path, SourceText text)
        {
            Path = path;
            Text = text;
        }

        public string Path { get; }
        public SourceText Text { get; }
    }
}
