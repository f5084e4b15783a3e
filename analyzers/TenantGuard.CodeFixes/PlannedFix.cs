using System;
using Microsoft.CodeAnalysis.Editing;

namespace TenantGuard.CodeFixes
{
    /// <summary>A fix worked out for one diagnostic: its title and the edit, made on an editor over the original document.</summary>
    internal sealed class PlannedFix
    {
        public PlannedFix(string title, Action<DocumentEditor> apply)
        {
            Title = title;
            Apply = apply;
        }

        public string Title { get; }

        public Action<DocumentEditor> Apply { get; }
    }
}
