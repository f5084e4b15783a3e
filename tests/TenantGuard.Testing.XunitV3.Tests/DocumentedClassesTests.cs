using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TenantGuard.Testing.Tests;

/// <summary>The classes docs/ci-isolation-suite.md tells users to write compile against each framework's assemblies
/// and TenantGuard's packages, so the page cannot drift from the API. Each is one class of about five lines.</summary>
public sealed class DocumentedClassesTests
{
    private static readonly IReadOnlyList<DocumentedClass> Classes = DocumentedClass.ReadAll();

    /// <summary>What an SDK-style project with ImplicitUsings (every `dotnet new` test template) adds.</summary>
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    public static TheoryData<string> Frameworks => [.. FrameworkReferences.Frameworks];

    [Theory]
    [MemberData(nameof(Frameworks))]
    public void Each_framework_has_one_short_class_that_compiles(string framework)
    {
        var classes = ClassesFor(framework);

        Assert.NotEmpty(classes);
        foreach (var documented in classes)
        {
            var tree = CSharpSyntaxTree.ParseText(documented.Code, cancellationToken: TestContext.Current.CancellationToken);
            Assert.Single(tree.GetRoot(TestContext.Current.CancellationToken).DescendantNodes().OfType<ClassDeclarationSyntax>());
            Assert.InRange(documented.BodyLines, 4, 6);
            var errors = Errors(documented.Code, framework);
            Assert.True(errors.Count == 0,
                $"{DocumentedClass.Page}, under \"{documented.Heading}\", does not compile for {framework}:\n{string.Join("\n", errors)}\n\n{documented.Code}");
        }
    }

    [Theory]
    [InlineData("xunit v2")]
    [InlineData("xunit v3")]
    public void Each_xunit_version_has_the_fixture_class(string framework)
    {
        Assert.Contains(ClassesFor(framework), documented => documented.Code.Contains("IClassFixture<TenantIsolationFixture>", StringComparison.Ordinal));
    }

    [Fact]
    public void A_class_for_another_framework_does_not_compile()
    {
        var nunit = ClassesFor("NUnit")[0];

        Assert.NotEmpty(Errors(nunit.Code, "xunit v3"));
    }

    private static List<DocumentedClass> ClassesFor(string framework) =>
        Classes.Where(c => c.Heading.Contains(framework, StringComparison.OrdinalIgnoreCase)).ToList();

    private static List<string> Errors(string code, string framework)
    {
        var compilation = CSharpCompilation.Create(
            "DocumentedClass",
            [CSharpSyntaxTree.ParseText(code), CSharpSyntaxTree.ParseText(ImplicitUsings)],
            FrameworkReferences.For(framework),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return compilation.GetDiagnostics(TestContext.Current.CancellationToken)
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.ToString())
            .ToList();
    }
}
