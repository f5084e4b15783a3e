using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using TenantGuard.Sql;

namespace TenantGuard.Analyzers.Schema
{
    /// <summary>
    /// The tenant-owned tables declared by the migration files, for one tenant column. Files are read in path order
    /// (migration tools order by file name) so that a later DROP or RENAME follows an earlier CREATE; a file with problems
    /// is reported and left out rather than allowed to swallow the files after it.
    /// </summary>
    internal sealed class MigrationSet
    {
        private MigrationSet(ImmutableArray<QualifiedName> tenantTables, ImmutableArray<MigrationFileProblem> problems, int filesRead)
        {
            TenantTables = tenantTables;
            Problems = problems;
            FilesRead = filesRead;
        }

        public ImmutableArray<QualifiedName> TenantTables { get; }

        /// <summary>PostgreSQL files read without problems (another database's files and unreadable ones left out).</summary>
        public int FilesRead { get; }
        public ImmutableArray<MigrationFileProblem> Problems { get; }

        public static MigrationSet Read(ImmutableArray<MigrationFile> files, string tenantColumn)
        {
            var problems = ImmutableArray.CreateBuilder<MigrationFileProblem>();
            var clean = new StringBuilder();
            var otherDialect = new List<(string Path, string Dialect)>();
            var filesRead = 0;
            foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                var text = file.Text.ToString();
                var dialect = NonPostgresMigration.DialectOf(text);
                if (dialect != null)
                {
                    otherDialect.Add((file.Path, dialect));
                    continue;
                }

                var result = MigrationSchemaReader.Read(text, tenantColumn);
                if (result.Problems.Count > 0)
                {
                    foreach (var problem in result.Problems)
                    {
                        problems.Add(new MigrationFileProblem(file.Path, problem));
                    }

                    continue;
                }

                // A statement separator keeps a file without a trailing semicolon from merging into the next one.
                clean.Append(text).Append("\n;\n");
                filesRead++;
            }

            if (otherDialect.Count > 0)
            {
                problems.Add(OtherDialectProblem(otherDialect));
            }

            var combined = MigrationSchemaReader.Read(clean.ToString(), tenantColumn);
            var tables = new List<QualifiedName>(combined.TenantTables);
            return new MigrationSet(tables.Distinct().ToImmutableArray(), problems.ToImmutable(), filesRead);
        }

        /// <summary>One problem for all the files written for another database, placed on the first of them.</summary>
        private static MigrationFileProblem OtherDialectProblem(List<(string Path, string Dialect)> files)
        {
            var first = files[0];
            var others = files.Count == 1 ? string.Empty : " (and " + (files.Count - 1) + " more such file" + (files.Count == 2 ? "" : "s") + ")";
            var message = "The file is not PostgreSQL (" + first.Dialect + ")" + others +
                          "; it was skipped without being read. Remove files for other databases from the *.sql AdditionalFiles.";
            return new MigrationFileProblem(first.Path, new SqlProblem(message, 1, 1, 0));
        }
    }
}
