using System.Linq;

namespace TenantGuard.Sql.Tests.Reading
{
    /// <summary>Definitions as pg_get_functiondef prints them.</summary>
    public class SqlFunctionDefinitionReaderTests
    {
        [Fact]
        public void A_sql_function_with_named_and_defaulted_parameters()
        {
            var definition = SqlFunctionDefinitionReader.Read(
                "CREATE OR REPLACE FUNCTION basejump.has_role_on_account(account_id uuid, account_role basejump.account_role DEFAULT NULL::basejump.account_role)\n" +
                " RETURNS boolean\n LANGUAGE sql\n SECURITY DEFINER\n SET search_path TO 'public'\n" +
                "AS $function$\nselect exists(select 1 from basejump.account_user wu where wu.account_id = has_role_on_account.account_id)\n$function$\n");

            Assert.NotNull(definition);
            Assert.Equal("basejump", definition!.Schema);
            Assert.Equal("has_role_on_account", definition.Name);
            Assert.Equal(new[] { "account_id", "account_role" }, definition.Parameters.Select(p => p.Name));
            Assert.Equal("sql", definition.Language);
            Assert.True(definition.Body.IsReadable, definition.Body.Problem);
            Assert.StartsWith("exists(", definition.Body.TextOf(definition.Body.Expression!));
        }

        [Fact]
        public void Unnamed_and_out_parameters()
        {
            var definition = SqlFunctionDefinitionReader.Read(
                "CREATE OR REPLACE FUNCTION public.f(uuid, double precision, public.my_type, text[], OUT total integer, \"time\" text)\n" +
                " RETURNS integer\n LANGUAGE plpgsql\nAS $function$ BEGIN RETURN $1; END $function$");

            Assert.Equal(new string?[] { null, null, null, null, "total", "time" }, definition!.Parameters.Select(p => p.Name));
            Assert.Equal(5, definition.InputParameters.Count);
            Assert.Equal("$1", definition.Body.TextOf(definition.Body.Expression!));
        }

        [Fact]
        public void Sql_standard_bodies()
        {
            var returning = SqlFunctionDefinitionReader.Read(
                "CREATE OR REPLACE FUNCTION public.tenant()\n RETURNS uuid\n LANGUAGE sql\n STABLE\nRETURN (current_setting('app.tenant_id'::text))::uuid\n");
            var atomic = SqlFunctionDefinitionReader.Read(
                "CREATE OR REPLACE FUNCTION public.ok(a uuid)\n RETURNS boolean\n LANGUAGE sql\nBEGIN ATOMIC\n SELECT (a IS NOT NULL);\nEND\n");

            Assert.Equal("(current_setting('app.tenant_id'::text))::uuid", returning!.Body.TextOf(returning.Body.Expression!));
            Assert.Equal("(a IS NOT NULL)", atomic!.Body.TextOf(atomic.Body.Expression!));
            Assert.Equal("a", Assert.Single(atomic.Parameters).Name);
        }

        [Theory]
        [InlineData("")]
        [InlineData("SELECT 1")]
        [InlineData("CREATE OR REPLACE FUNCTION")]
        [InlineData("CREATE FUNCTION f(")]
        public void Other_text_is_not_a_definition(string text)
        {
            Assert.Null(SqlFunctionDefinitionReader.Read(text));
        }

        [Fact]
        public void A_c_function_has_an_unreadable_body()
        {
            var definition = SqlFunctionDefinitionReader.Read(
                "CREATE OR REPLACE FUNCTION public.f(integer)\n RETURNS integer\n LANGUAGE c\n IMMUTABLE STRICT\nAS '$libdir/f', $function$f$function$\n");

            Assert.Equal("c", definition!.Language);
            Assert.False(definition.Body.IsReadable);
        }
    }
}
