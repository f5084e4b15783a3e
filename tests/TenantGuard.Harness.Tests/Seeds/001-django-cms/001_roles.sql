-- Seed 001 (Django CMS): a dedicated non-superuser application role.
CREATE USER eceee_app WITH PASSWORD 'strong_secure_password';

-- manage.py migrate connects with DATABASE_URL, i.e. as eceee_app, which therefore creates (and owns) the tables.
GRANT USAGE, CREATE ON SCHEMA public TO eceee_app;
