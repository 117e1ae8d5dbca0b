// ClientModel
