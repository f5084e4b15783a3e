using System.Linq;

namespace TenantGuard.Sql.Tests.Analysis
{
    public class SessionSettingScannerTests
    {
        private static string Settings(string body) =>
            string.Join(", ", SessionSettingScanner.InFunctionBody(body).Select(w => w.Setting));

        [Theory]
        [InlineData("BEGIN PERFORM set_config('app.tenant_id', p::text, false); END", "app.tenant_id")]
        [InlineData("BEGIN v := set_config('app.tenant_id', p, 'false'); END", "app.tenant_id")]
        [InlineData("SELECT set_config('app.t', $1, 'off')", "app.t")]
        [InlineData("BEGIN SET app.tenant_id = 'x'; END", "app.tenant_id")]
        [InlineData("BEGIN IF p THEN SET SESSION app.tenant_id TO 'x'; END IF; END", "app.tenant_id")]
        [InlineData("BEGIN EXECUTE 'SET app.tenant_id = ''x'''; END", "app.tenant_id")]
        public void Session_scoped_writes_are_found(string body, string expected) => Assert.Equal(expected, Settings(body));

        [Theory]
        [InlineData("BEGIN PERFORM set_config('app.tenant_id', p::text, true); END")]
        [InlineData("BEGIN SET LOCAL app.tenant_id = 'x'; END")]
        [InlineData("BEGIN SET search_path = public; END")]
        [InlineData("BEGIN PERFORM set_config(name, p, false); END")]
        [InlineData("-- set_config('app.tenant_id', p, false)\nSELECT 1")]
        [InlineData("SELECT 'SET app.tenant_id = 1'")]
        public void Transaction_local_built_in_unnamed_and_quoted_writes_are_not(string body) => Assert.Equal("", Settings(body));
    }
}
