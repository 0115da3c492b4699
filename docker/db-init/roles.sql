-- Run once by the postgres image when its volume is new (docker-entrypoint-initdb.d).
-- The two roles of the README's "Database roles": sscard_owner owns the tables and runs the
-- migrations; sscard_app is what the service connects as and may only read and write rows.
-- Demo passwords for a local set-up (the compose file uses trust authentication anyway).
create role sscard_owner login password 'owner-demo-password';
create role sscard_app login password 'app-demo-password';
create database sscard owner sscard_owner;
