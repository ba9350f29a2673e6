-- How many ship-to addresses each customer of a batch has: the next codes go on from there (501.00012-D03, ...).
SELECT customer_id, COUNT(*) AS n FROM erp_ship_to WHERE customer_id IN (:customerIds) GROUP BY customer_id
