package it.ponte.shop;

public enum OrderOrigin {
    WEB,
    AMAZON
}
