insert into product values (1, 'Espresso cup', 1200), (2, 'Moka pot', 3900), (42, 'Grinder', 8900);
