create table product (id bigint primary key, name varchar(200) not null, price_cents bigint not null);
